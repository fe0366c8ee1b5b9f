using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Import;
using OutboundPS.Sessions;
using OutboundPS.Tasks;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>One script for either vendor: connect to the sandbox, New, Import 120 rows, Start, Wait to Completed, Get.</summary>
public sealed class CrossVendorScenarioTests
{
    [Theory]
    [MemberData(nameof(SandboxHarness.Vendors), MemberType = typeof(SandboxHarness))]
    public async Task QuickStart_RunsUnchangedOnEveryVendor(string vendor)
    {
        await using var connection = await SandboxHarness.ForVendorAsync(vendor);
        var clock = connection.Clock;
        var client = connection.Session.Client;
        var none = CancellationToken.None;

        // From here on nothing depends on the vendor.
        var robot = (await client.GetRobotsAsync(none)).OrderBy(r => r.Variables!.Count).First();
        var line = (await client.GetLinesAsync(none)).First();
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "跨厂商", RobotId = robot.Id, Lines = new[] { line.Id } }, none);
        var import = new CustomerImport(connection.Session, task.Id, new ImportOptions { KeepRows = true });
        for (var i = 0; i < 120; i++)
            await import.AddAsync(SandboxHarness.Row(("手机号码", $"1370000{i:0000}"), ("姓名", $"客户{i}")), i, none);
        var imported = await import.CompleteAsync(none);
        await client.StartTaskAsync(task.Id, none);
        var seen = new List<OutboundTaskStatus>();
        var done = await new TaskWaiter((span, _) =>
        {
            clock.Advance(span);
            return Task.CompletedTask;
        }, () => TimeSpan.Zero).WaitAsync(client, task.Id, null, TimeSpan.FromSeconds(60), t => seen.Add(t.Status), none);
        var final = await client.GetTaskAsync(task.Id, none);

        Assert.Equal(new OutboundVendor(vendor), connection.Session.Vendor);
        Assert.Equal(120, imported.Accepted);
        Assert.Equal(120, imported.Submitted);
        Assert.Contains(OutboundTaskStatus.Running, seen);
        Assert.Equal(OutboundTaskStatus.Completed, done!.Status);
        Assert.Equal(OutboundTaskStatus.Completed, final.Status);
        Assert.Equal((120, 120, 0), (final.Total, final.Called, final.Remaining));
        Assert.InRange(final.ConnectRate!.Value, 0.01, 0.99);
    }
}
