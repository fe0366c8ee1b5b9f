using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.IFlytek;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>"Nothing is lost" (docs/design.md#accounting): every row accounted for exactly once, whatever the vendor's connection does.</summary>
public sealed class ImportFaultTests
{
    [Theory]
    [MemberData(nameof(SandboxHarness.Vendors), MemberType = typeof(SandboxHarness))]
    public async Task TenThousandRows_ThroughBusyDroppedAndStalledRequests_AreEachAccountedForOnce(string vendor)
    {
        await using var connection = await SandboxHarness.ForVendorAsync(vendor, overHttp: true, configure: request => request.Timeout = TimeSpan.FromMilliseconds(1500));
        var simulator = connection.Simulator;
        var client = connection.Session.Client;
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "faults", RobotId = connection.RobotId, Lines = new[] { connection.LineId } }, CancellationToken.None);

        var faults = simulator.Faults;
        faults.Seed = 20261121;
        faults.RandomFaultPath = connection.Descriptor.ImportPath;
        faults.BusyRate = 0.10;
        faults.DropBeforeRate = 0.03;
        faults.DropAfterRate = 0.03;
        faults.StallRate = 0.03;
        // Well past the client timeout, and the timeout well past a loaded machine's answer time, so only stalls time out.
        faults.Stall = TimeSpan.FromSeconds(4);

        var batch = 50;
        var import = new CustomerImport(connection.Session, task.Id, new ImportOptions { KeepRows = true, ThrottleLimit = 4, BatchSize = batch });
        for (var i = 0; i < 10_000; i++)
        {
            // Every 250th number is malformed: Rejected before sending, never stored.
            var phone = i % 250 == 0 ? "12345" : $"1390000{i:0000}";
            await import.AddAsync(SandboxHarness.Row(("手机号码", phone), ("姓名", $"客户{i}")), i, CancellationToken.None);
        }

        var result = await import.CompleteAsync(CancellationToken.None);
        var stored = simulator.PhonesOf(task.Id);
        var lostAnswers = simulator.LostAnswers;
        var byOutcome = result.Rows.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Select(r => r.Phone!).ToHashSet());
        HashSet<string> Of(ImportOutcome outcome) => byOutcome.TryGetValue(outcome, out var set) ? set : new HashSet<string>();

        // The faults really fired, and busy answers were retried rather than reported.
        Assert.True(faults.Fired.Busy > 0 && faults.Fired.DropBefore + faults.Fired.DropAfter > 0 && faults.Fired.Stalled > 0, faults.Fired.ToString());
        // Every row exactly once: the records, in input order, agree with the summary.
        Assert.Equal(10_000, result.Submitted);
        Assert.Equal(Enumerable.Range(1, 10_000).Select(n => (long)n), result.Rows.Select(r => r.RowNumber));
        // A batch is never half-recorded: all rows of a batch share one outcome.
        ImportAssert.EveryRowOnce(result);
        Assert.Equal(40, result.Rejected);
        Assert.True(result.Unknown > 0);
        // Nothing was stored twice: no batch whose outcome was unknown went out again.
        Assert.Equal(stored.Count, stored.Distinct().Count());
        // What the vendor stored is exactly what it acknowledged plus what it stored while the answer got lost.
        Assert.Subset(stored.ToHashSet(), Of(ImportOutcome.Accepted));
        Assert.Subset(Of(ImportOutcome.Accepted).Union(Of(ImportOutcome.Unknown)).ToHashSet(), stored.ToHashSet());
        Assert.Equal(result.Accepted, stored.Count - lostAnswers);
    }
}
