using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.IFlytek;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sessions;
using OutboundPS.Tasks;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
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
        var seen = new Observed();
        using var _ = Diagnostics.OperationLog.Use(log);
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true, tokens: n => $"{TokenMarker}-{n}", secret: SecretMarker);
        var client = h.Session.Client;
        var none = CancellationToken.None;

        seen.Keep(h.Session);
        foreach (var line in await client.GetLinesAsync(none)) seen.Keep(line);
        foreach (var robot in await client.GetRobotsAsync(none)) seen.Keep(robot);
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "s", RobotId = "720", Lines = new[] { "055169101401" } }, none);
        seen.Keep(task);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true });
        await import.AddAsync(SandboxHarness.Row(("Phone", "13800138000"), ("Name", "n")), null, none);
        await import.AddAsync(SandboxHarness.Row(("Phone", "bad"), ("Name", "n")), null, none);
        var result = await import.CompleteAsync(none);
        seen.Keep(result);
        foreach (var row in result.Rows) seen.Keep(row);
        foreach (var notice in import.Notices) seen.Add(notice.Error.ToString());
        foreach (var call in await client.CallAsync(new CallSpec("720", new CustomerColumns("Phone", "Name", Array.Empty<string>()),
                     new[] { new CustomerRow(1, "13800138000", "n", Array.Empty<string>()) }) { Line = "055169101401" }, none))
            seen.Keep(call);
        await client.StartTaskAsync(task.Id, none);
        seen.Keep(await new TaskWaiter((s, _) => { h.Clock.Advance(s); return Task.CompletedTask; }, () => TimeSpan.Zero)
            .WaitAsync(client, task.Id, null, TimeSpan.FromSeconds(30), seen.Keep, none));
        foreach (var t in (await client.GetTaskPageAsync(new TaskFilter(), 1, none)).Tasks) seen.Keep(t);

        // Failures, each with its own error id (docs/en-US/about_OutboundPS.help.md#error-ids, docs/vendors/iflytek.md#error-codes):
        // vendor errors, a refused token, an unreadable body, a lost answer, unsupported operations, wrong credentials.
        // Reads are repeated after an unreadable or lost answer (docs/design.md#retries), so writes meet those two.
        await seen.FailsWith("OutboundPS.IFlytek.3010101", () => client.PauseTaskAsync(task.Id, none));
        h.Simulator.RevokeTokens();
        h.Simulator.Faults.FailNext("/task/query", 10001);
        await seen.FailsWith("OutboundPS.IFlytek.10001", () => client.GetTaskAsync(task.Id, none));
        h.Simulator.Faults.AnswerNextWith("<html>gateway</html>");
        await seen.FailsWith("OutboundPS.IFlytek.UnreadableAnswer", () => client.StartTaskAsync(task.Id, none));
        h.Simulator.Faults.DropNext("/task/pause", afterProcessing: true);
        await seen.FailsWith("OutboundPS.IFlytek.ConnectionLost", () => client.PauseTaskAsync(task.Id, none));
        await seen.FailsWith("OutboundPS.IFlytek.NotImplemented", () => client.StopTaskAsync(task.Id, none));
        await seen.FailsWith("OutboundPS.IFlytek.NotImplemented", () => client.UpdateTaskAsync(new TaskUpdateSpec(task.Id), none));
        await seen.FailsWith("OutboundPS.IFlytek.200202", () => client.StartTaskAsync("0", none));
        await seen.FailsWith("OutboundPS.IFlytek.ParameterNotSupported",
            () => client.CreateTaskAsync(new NewTaskSpec { Name = "x", RobotId = "1", Lines = new[] { "1" }, Concurrency = 2 }, none));
        await seen.FailsWith("OutboundPS.IFlytek.200101", () => SandboxHarness.IFlytekAsync(overHttp: true, connectWith: SecretMarker + "-wrong", secret: SecretMarker));
        await seen.FailsWith("OutboundPS.IFlytek.ConnectionFailed", () => SessionConnector.ConnectAsync(new ConnectRequest(IFlytekVendor.Id, "k", SecretText.Protect(SecretMarker))
            { BaseUri = new Uri("http://127.0.0.1:1/") , RetryDelay = TimeSpan.FromMilliseconds(1) }, SandboxConnection.Registry, none));

        // Removing the task succeeds; its log lines are checked with the rest.
        await client.DeleteTaskAsync(task.Id, none);

        seen.AddRange(log.Lines);
        Assert.Contains(log.Lines, l => l.Contains("token=<redacted>"));
        Assert.DoesNotContain(seen.Texts, s => s.Contains(SecretMarker) || s.Contains(TokenMarker));
        // The markers were really in play: the simulator saw both.
        Assert.Contains(h.Simulator.Received, r => r.Request.Query.TryGetValue("token", out var t) && t.StartsWith(TokenMarker, StringComparison.Ordinal));
        Assert.Contains(h.Simulator.Received, r => (string?)r.Body?["app_secret"] == SecretMarker);
    }

    [Fact]
    public async Task EveryByRobotPath_KeepsSecretAndSignOutOfEverythingItProduces()
    {
        var log = new CollectingLog();
        var seen = new Observed();
        using var _ = Diagnostics.OperationLog.Use(log);
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true, secret: SecretMarker);
        var client = h.Session.Client;
        var none = CancellationToken.None;

        seen.Keep(h.Session);
        foreach (var line in await client.GetLinesAsync(none)) seen.Keep(line);
        foreach (var robot in await client.GetRobotsAsync(none)) seen.Keep(robot);
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "s", RobotId = "5002", Lines = new[] { "101" } }, none);
        seen.Keep(task);
        await client.UpdateTaskAsync(new TaskUpdateSpec(task.Id) { Name = "s2", Concurrency = 1 }, none);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true, BatchSize = 1 });
        await import.AddAsync(SandboxHarness.Row(("Phone", "13800138000"), ("Name", "n")), null, none);
        await import.AddAsync(SandboxHarness.Row(("Phone", "13800138001"), ("Name", "")), null, none);
        await import.AddAsync(SandboxHarness.Row(("Phone", "bad"), ("Name", "n")), null, none);
        var result = await import.CompleteAsync(none);
        seen.Keep(result);
        foreach (var row in result.Rows) seen.Keep(row);
        foreach (var notice in import.Notices) seen.Add(notice.Error.ToString());
        // Robot 5002's script reads 客户名称, which a single call takes from the name.
        foreach (var call in await client.CallAsync(new CallSpec("5002", new CustomerColumns("Phone", "Name", Array.Empty<string>()),
                     new[] { new CustomerRow(1, "13800138000", "张三", Array.Empty<string>()) }), none))
            seen.Keep(call);
        await client.StartTaskAsync(task.Id, none);
        seen.Keep(await new TaskWaiter((s, _) => { h.Clock.Advance(s); return Task.CompletedTask; }, () => TimeSpan.Zero)
            .WaitAsync(client, task.Id, null, TimeSpan.FromSeconds(30), seen.Keep, none));
        foreach (var t in (await client.GetTaskPageAsync(new TaskFilter(), 1, none)).Tasks) seen.Keep(t);

        // Failures, each with its own error id (docs/en-US/about_OutboundPS.help.md#error-ids, docs/vendors/byrobot.md#error-codes):
        // vendor codes, a busy front door, an unreadable body, a dropped connection, bad input, bad credentials, a skewed clock.
        // A busy answer is repeated 4 times (docs/design.md#retries) and a read after an unreadable answer, so the front door
        // stays busy for all five attempts and a write meets the unreadable body.
        h.Simulator.Faults.FailNext("/task/pause", 500);
        await seen.FailsWith("OutboundPS.ByRobot.500", () => client.PauseTaskAsync(task.Id, none));
        for (var attempt = 0; attempt < 5; attempt++) h.Simulator.Faults.RejectNext("/task/getTaskDetail", 429);
        await seen.FailsWith("OutboundPS.ByRobot.Http429", () => client.GetTaskAsync(task.Id, none));
        h.Simulator.Faults.AnswerNextWith("<html>gateway</html>");
        await seen.FailsWith("OutboundPS.ByRobot.UnreadableAnswer", () => client.StartTaskAsync(task.Id, none));
        h.Simulator.Faults.DropNext("/task/stop", afterProcessing: true);
        await seen.FailsWith("OutboundPS.ByRobot.ConnectionLost", () => client.StopTaskAsync(task.Id, none));
        await seen.FailsWith("OutboundPS.ByRobot.404", () => client.StartTaskAsync("1", none));
        await seen.FailsWith("OutboundPS.InvalidArgument.Id", () => client.UpdateTaskAsync(new TaskUpdateSpec("abc"), none));
        await seen.FailsWith("OutboundPS.ByRobot.ParameterNotSupported",
            () => client.CreateTaskAsync(new NewTaskSpec { Name = "x", RobotId = "5002", Lines = new[] { "101" }, Voice = "v" }, none));
        await seen.FailsWith("OutboundPS.ByRobot.401", () => SandboxHarness.ByRobotAsync(overHttp: true, connectWith: SecretMarker + "-wrong", secret: SecretMarker));
        await seen.FailsWith("OutboundPS.ByRobot.408",
            () => SandboxHarness.ByRobotAsync(overHttp: true, secret: SecretMarker, clientClock: () => DateTimeOffset.UtcNow.AddHours(-1)));

        seen.AddRange(log.Lines);
        var signs = h.Simulator.Received.Select(r => r.Request.Headers.TryGetValue("sign", out var sign) ? sign : null).Where(s => s is not null).Distinct().ToList();
        Assert.NotEmpty(signs);
        Assert.DoesNotContain(seen.Texts, s => s.Contains(SecretMarker));
        Assert.DoesNotContain(seen.Texts, s => signs.Any(sign => s.Contains(sign!)));
    }

    /// <summary>Everything a run produced, as text: objects and their properties, exception texts, log lines.</summary>
    private sealed class Observed
    {
        internal List<string> Texts { get; } = new();

        internal void Add(string text) => Texts.Add(text);

        internal void AddRange(IEnumerable<string> texts) => Texts.AddRange(texts);

        internal void Keep(object? value)
        {
            if (value is null) return;
            Texts.Add(value.ToString() ?? string.Empty);
            foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
                Texts.Add(property.GetValue(value)?.ToString() ?? string.Empty);
        }

        /// <summary>
        /// Runs a call that must fail with this error id, and keeps everything its error carries. A call that stops
        /// failing, or fails another way, fails the test: otherwise its error's texts would silently leave the check.
        /// </summary>
        internal async Task FailsWith(string errorId, Func<Task> action)
        {
            var error = await Assert.ThrowsAsync<OutboundException>(action);
            Assert.Equal(errorId, error.ErrorId);
            Texts.Add(error.ToString());
            Keep(error);
            Keep(error.TargetObject);
        }
    }
}
