using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Import;
using OutboundPS.Tests.Support;
using OutboundPS.Vendors;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Ctrl+C during an import: nothing more is sent, batches on the wire settle whole, every row is accounted for.</summary>
public sealed class ImportStopTests
{
    [Fact]
    public async Task Stop_SendsNothingMore_SettlesBatchesOnTheWire_AndCountsBufferedRowsAsNotSent()
    {
        await using var h = await IFlytekHarness.StartAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "stop", RobotId = "720", Lines = new[] { "055169101401" } }, CancellationToken.None);
        h.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(200);
        var import = new CustomerImport(h.Session.Client, task.Id, new ImportOptions { KeepRows = true, BatchSize = 10, ThrottleLimit = 2 });
        using var ctrlC = new CancellationTokenSource();
        var row = 0;
        async Task Add() => await import.AddAsync(IFlytekHarness.Row(("Phone", $"1390000{row++:0000}"), ("Name", "n")), row, ctrlC.Token);

        for (var i = 0; i < 45; i++) await Add();
        // Batches 1–4 are sent or on the wire (two at a time); rows 41–45 wait in the buffer.
        ctrlC.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(Add);
        var result = await import.StopAsync();
        h.Simulator.Faults.Latency = TimeSpan.Zero;
        await Task.Delay(300);

        Assert.True(result.Stopped);
        Assert.Equal(46, result.Submitted);
        Assert.Equal(40, result.Accepted);
        Assert.Equal(6, result.Rejected);
        Assert.All(result.Rows.Skip(40), r => Assert.StartsWith("Not sent", r.Error));
        Assert.All(result.Rows.Take(40).GroupBy(r => r.Batch), g => Assert.Equal(10, g.Count(r => r.Outcome == ImportOutcome.Accepted)));
        Assert.Equal(4, h.Simulator.Received.Count(r => r.Request.Path.EndsWith("/task/insert", StringComparison.Ordinal)));
        Assert.Equal(result.Rows.Take(40).Select(r => r.Phone), h.Simulator.PhonesOf(task.Id).OrderBy(p => p));
    }
}
