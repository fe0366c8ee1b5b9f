using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.IFlytek;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>A million rows through the engine to the in-process sandbox, every outcome counted (memory is the benchmark's job).</summary>
public sealed class MillionRowImportTests
{
    private const int Rows = 1_000_000;

    /// <summary>A cheap generated row: a distinct mobile, except for planted bad and repeated numbers.</summary>
    private sealed class GeneratedRow : IInputRow
    {
        private static readonly string[] Names = { "手机号码", "姓名" };
        private readonly int _index;

        internal GeneratedRow(int index) => _index = index;

        public IReadOnlyList<string> PropertyNames => Names;

        public string? GetValue(string name) => name == "姓名" ? "客户" : Phone(_index);

        internal static string Phone(int index) =>
            index % 10_000 == 1 ? "1234"                                        // malformed: Rejected
            : index % 5_000 == 2_500 ? Phone(index - 1)                         // repeats the row before: Rejected as Duplicate
            : (13_000_000_000L + index).ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task MillionRows_EndInTheExpectedOutcomeCounts()
    {
        var simulator = new IFlytekSimulator("k", "s", new ManualClock(DateTimeOffset.UnixEpoch)) { Lean = true };
        await using var connection = await SandboxConnection.OpenAsync(simulator, new ConnectRequest(IFlytekVendor.Id, "k", SecretText.Protect("s")), overHttp: false);
        var client = connection.Session.Client;
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "million", RobotId = "720", Lines = new[] { "055169101401" } }, CancellationToken.None);
        for (var i = 0; i < 3; i++) simulator.Faults.FailNext("/task/insert", 10005);
        for (var i = 0; i < 2; i++) simulator.Faults.DropNext("/task/insert", afterProcessing: true);

        var import = new CustomerImport(connection.Session, task.Id, new ImportOptions { ThrottleLimit = 4 });
        for (var i = 0; i < Rows; i++) await import.AddAsync(new GeneratedRow(i), null, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);

        Assert.Equal(Rows, result.Submitted);
        Assert.Equal(100 + 200, result.Rejected);
        Assert.Equal(3 * 50, result.Failed);
        Assert.Equal(2 * 50, result.Unknown);
        Assert.Equal(Rows - 300 - 150 - 100, result.Accepted);
        Assert.Equal((Rows - 300) / 50, result.Batches);
        Assert.Equal(100 + 3 + 2, import.Notices.Count);
        // The vendor holds what it acknowledged plus the two batches whose answers were lost.
        Assert.Equal((int)result.Accepted + 100, (await client.GetTaskAsync(task.Id, CancellationToken.None)).Total);
    }
}
