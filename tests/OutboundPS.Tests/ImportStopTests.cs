using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Import;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// However an import ends, every row taken ends in exactly one outcome, batches on the wire settle whole, and the
/// account is on the session. The cmdlet maps each PowerShell ending onto these: Ctrl+C and a closing runspace
/// cancel; an error up or down the pipeline (and -ErrorAction Stop on a rejected row) disposes the engine unfinished.
/// </summary>
public sealed class ImportStopTests
{
    private sealed class Run : IAsyncDisposable
    {
        private readonly SandboxHarness<IFlytekSimulator> _harness;
        private int _row;

        private Run(SandboxHarness<IFlytekSimulator> harness, OutboundTask task)
        {
            _harness = harness;
            Task = task;
            // Batches of 10, two in flight, each answered 200 ms after it arrives: rows pile up behind them.
            Import = new CustomerImport(harness.Session, task.Id, new ImportOptions { KeepRows = true, BatchSize = 10, ThrottleLimit = 2 });
        }

        internal OutboundTask Task { get; }
        internal CustomerImport Import { get; }
        internal OutboundSession Session => _harness.Session;
        internal Sandbox.IFlytek.IFlytekSimulator Simulator => _harness.Simulator;

        internal int RequestCount(string pathEnd) => _harness.Requests(pathEnd).Count();

        internal static async Task<Run> StartAsync()
        {
            var harness = await SandboxHarness.IFlytekAsync(overHttp: true);
            var task = await harness.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "endings", RobotId = "720", Lines = new[] { "055169101401" } }, CancellationToken.None);
            harness.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(200);
            return new Run(harness, task);
        }

        internal Task Add(CancellationToken token = default, string? phone = null) =>
            Import.AddAsync(SandboxHarness.Row(("Phone", phone ?? $"1390000{_row:0000}"), ("Name", "n")), _row++, token);

        public async ValueTask DisposeAsync()
        {
            _harness.Simulator.Faults.Latency = TimeSpan.Zero;
            await _harness.DisposeAsync();
        }
    }

    /// <summary>Every row in exactly one outcome, each batch wholly one outcome, what the vendor stored is what is Accepted.</summary>
    private static void AssertAccountedOnce(Run run, OutboundImportResult result, long taken)
    {
        Assert.Same(result, run.Session.LastImport);
        Assert.Equal(taken, result.Submitted);
        Assert.Equal(taken, result.Rows.Count);
        ImportAssert.EveryRowOnce(result);
        Assert.All(result.Rows.Where(r => r.Batch == 0), r => Assert.Equal(ImportOutcome.Rejected, r.Outcome));
        Assert.Equal(result.Rows.Where(r => r.Outcome == ImportOutcome.Accepted).Select(r => r.Phone).OrderBy(p => p),
            run.Simulator.PhonesOf(run.Task.Id).OrderBy(p => p));
    }

    [Fact]
    public async Task CtrlC_SendsNothingMore_SettlesBatchesOnTheWire_AndCountsBufferedRowsAsNotSent()
    {
        await using var run = await Run.StartAsync();
        using var ctrlC = new CancellationTokenSource();
        for (var i = 0; i < 45; i++) await run.Add(ctrlC.Token);
        // Batches 1–4 are sent or on the wire (two at a time); rows 41–45 wait in the buffer.
        ctrlC.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Add(ctrlC.Token));
        var result = await run.Import.StopAsync("the import was stopped.");

        Assert.True(result.Stopped);
        AssertAccountedOnce(run, result, 46);
        Assert.Equal(40, result.Accepted);
        Assert.Equal(6, result.Rejected);
        Assert.All(result.Rows.Skip(40), r => Assert.StartsWith("Not sent", r.Error));
        Assert.Equal(4, run.RequestCount("/task/insert"));
    }

    [Fact]
    public async Task CancelWhileWaitingForAFreeSlot_TheRunspaceClosing_KeepsTheWaitingBatchAsNotSent()
    {
        await using var run = await Run.StartAsync();
        for (var i = 0; i < 29; i++) await run.Add();
        using var closing = new CancellationTokenSource();
        // Row 30 fills batch 3 while batches 1 and 2 hold both slots: the add waits for a slot, and the runspace closes.
        var adding = run.Add(closing.Token);
        closing.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adding);
        run.Import.Dispose();

        var result = run.Session.LastImport!;
        Assert.True(result.Stopped);
        AssertAccountedOnce(run, result, 30);
        Assert.Equal(10, result.Rejected);
        Assert.All(result.Rows.Skip(20), r => Assert.StartsWith("Not sent", r.Error));
    }

    [Fact]
    public async Task RejectedRowUnderErrorActionStop_DisposesTheEngine_AndEveryRowTakenIsAccountedFor()
    {
        await using var run = await Run.StartAsync();
        for (var i = 0; i < 25; i++) await run.Add();
        await run.Add(phone: "+1 312 555 0123");
        // The cmdlet writes the row's error; with -ErrorAction Stop that throws and PowerShell disposes the cmdlet.
        Assert.True(run.Import.Notices.TryDequeue(out var notice));
        Assert.Equal("OutboundPS.InvalidRow.Phone", notice!.Error.ErrorId);
        run.Import.Dispose();

        var result = run.Session.LastImport!;
        AssertAccountedOnce(run, result, 26);
        Assert.Equal(20, result.Accepted);
        Assert.Equal(ImportOutcome.Rejected, result.Rows[25].Outcome);
        Assert.Contains("outside mainland China", result.Rows[25].Error);
        Assert.All(result.Rows.Skip(20).Take(5), r => Assert.StartsWith("Not sent: the import ended early", r.Error));
    }

    [Fact]
    public async Task UpstreamError_MidImport_SettlesWhatWasSent()
    {
        await using var run = await Run.StartAsync();
        for (var i = 0; i < 37; i++) await run.Add();
        // Import-Csv (or any upstream command) throws: the cmdlet never reaches EndProcessing and is disposed.
        run.Import.Dispose();
        run.Import.Dispose();

        var result = run.Session.LastImport!;
        AssertAccountedOnce(run, result, 37);
        Assert.Equal(30, result.Accepted);
        Assert.Equal(7, result.Rejected);
    }

    [Fact]
    public async Task TaskThatCannotBeOpened_RecordsTheFirstRowAsNotSent_AndKeepsTheAccount()
    {
        await using var harness = await SandboxHarness.IFlytekAsync(overHttp: false);
        var import = new CustomerImport(harness.Session, "no-such-task", new ImportOptions { KeepRows = true });

        var error = await Assert.ThrowsAsync<OutboundException>(() => import.AddAsync(SandboxHarness.Row(("Phone", "13900000000"), ("Name", "n")), "row 1", CancellationToken.None));
        import.Dispose();

        var result = harness.Session.LastImport!;
        Assert.Equal("OutboundPS.IFlytek.TaskNotFound", error.ErrorId);
        Assert.Equal(1, result.Submitted);
        Assert.Equal(1, result.Rejected);
        Assert.StartsWith("Not sent: IFlytek has no task", result.Rows[0].Error);
    }

    [Fact]
    public async Task DownstreamEndingAfterCompletion_LeavesTheCompletedAccountAsItIs()
    {
        await using var run = await Run.StartAsync();
        for (var i = 0; i < 15; i++) await run.Add();
        var completed = await run.Import.CompleteAsync(CancellationToken.None);
        // A downstream command that throws on the summary, or Select-Object -First 1 stopping the pipeline, comes after this.
        run.Import.Dispose();

        Assert.False(completed.Stopped);
        AssertAccountedOnce(run, completed, 15);
        Assert.Equal(15, completed.Accepted);
    }
}
