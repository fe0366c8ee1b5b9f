using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sessions;
using OutboundPS.Tasks;
using OutboundPS.Tests.Support;
using OutboundPS.Vendors;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The app secret and the token never appear in output, verbose text, messages or exceptions.</summary>
public sealed class SentinelTests
{
    private const string SecretMarker = "SECRET-MARKER-7f3a";
    private const string TokenMarker = "TOKEN-MARKER-91c2";

    [Fact]
    public async Task EveryCorePath_KeepsSecretAndTokenOutOfEverythingItProduces()
    {
        var log = new CollectingLog();
        var seen = new List<string>();
        using var _ = Http.OperationLog.Use(log);
        await using var h = await IFlytekHarness.StartAsync(overHttp: true, tokens: n => $"{TokenMarker}-{n}", secret: SecretMarker);
        var client = h.Session.Client;
        var none = CancellationToken.None;

        void Keep(object? value)
        {
            if (value is null) return;
            seen.Add(value.ToString() ?? string.Empty);
            foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
                seen.Add(property.GetValue(value)?.ToString() ?? string.Empty);
        }

        async Task Attempt(Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (Exception error)
            {
                seen.Add(error.ToString());
                if (error is OutboundException outbound)
                {
                    Keep(outbound);
                    Keep(outbound.TargetObject);
                }
            }
        }

        Keep(h.Session);
        foreach (var line in await client.GetLinesAsync(none)) Keep(line);
        foreach (var robot in await client.GetRobotsAsync(none)) Keep(robot);
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "s", RobotId = "720", Lines = new[] { "055169101401" } }, none);
        Keep(task);
        var import = new CustomerImport(client, task.Id, new ImportOptions { KeepRows = true });
        await import.AddAsync(IFlytekHarness.Row(("Phone", "13800138000"), ("Name", "n")), null, none);
        await import.AddAsync(IFlytekHarness.Row(("Phone", "bad"), ("Name", "n")), null, none);
        var result = await import.CompleteAsync(none);
        Keep(result);
        foreach (var row in result.Rows) Keep(row);
        foreach (var notice in import.Notices) seen.Add(notice.Error.ToString());
        foreach (var call in await client.CallAsync(new CallSpec("720", new CustomerColumns("Phone", "Name", Array.Empty<string>()),
                     new[] { new CustomerRow(1, "13800138000", "n", Array.Empty<string>()) }) { Line = "055169101401" }, none))
            Keep(call);
        await client.StartTaskAsync(task.Id, none);
        Keep(await new TaskWaiter((s, _) => { h.Clock.Advance(s); return Task.CompletedTask; }, () => TimeSpan.Zero)
            .WaitAsync(client, task.Id, null, TimeSpan.FromSeconds(30), Keep, none));
        await Attempt(() => client.PauseTaskAsync(task.Id, none));
        foreach (var t in (await client.GetTaskPageAsync(new TaskFilter(), 1, none)).Tasks) Keep(t);

        // Failures: vendor errors, a refused token, an unreadable body, unsupported operations, wrong credentials.
        h.Simulator.RevokeTokens();
        h.Simulator.Faults.FailNext("/task/query", 10001);
        await Attempt(() => client.GetTaskAsync(task.Id, none));
        h.Simulator.Faults.AnswerNextWith($"<html>{TokenMarker}</html>".Replace(TokenMarker, "gateway"));
        await Attempt(() => client.GetLinesAsync(none));
        h.Simulator.Faults.DropNext("/task/query", afterProcessing: true);
        await Attempt(() => client.GetTaskAsync(task.Id, none));
        await Attempt(() => client.StopTaskAsync(task.Id, none));
        await Attempt(() => client.UpdateTaskAsync(new TaskUpdateSpec(task.Id), none));
        await Attempt(() => client.StartTaskAsync("0", none));
        await Attempt(() => client.CreateTaskAsync(new NewTaskSpec { Name = "x", RobotId = "1", Lines = new[] { "1" }, Concurrency = 2 }, none));
        await Attempt(() => client.DeleteTaskAsync(task.Id, none));
        await Attempt(() => IFlytekHarness.StartAsync(overHttp: true, connectWith: SecretMarker + "-wrong", secret: SecretMarker));
        await Attempt(() => SessionConnector.ConnectAsync(new ConnectRequest(OutboundVendor.IFlytek, "k", SecretText.Protect(SecretMarker))
            { BaseUri = new Uri("http://127.0.0.1:1/") , RetryDelay = TimeSpan.FromMilliseconds(1) }, none));

        seen.AddRange(log.Lines);
        Assert.Contains(log.Lines, l => l.Contains("token=<redacted>"));
        Assert.Contains(seen, s => s.Contains("200202"));
        Assert.DoesNotContain(seen, s => s.Contains(SecretMarker) || s.Contains(TokenMarker));
        // The markers were really in play: the simulator saw both.
        Assert.Contains(h.Simulator.Received, r => r.Request.Query.TryGetValue("token", out var t) && t.StartsWith(TokenMarker, StringComparison.Ordinal));
        Assert.Contains(h.Simulator.Received, r => (string?)r.Body?["app_secret"] == SecretMarker);
    }
}
