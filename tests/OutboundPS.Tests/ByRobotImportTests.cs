using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sessions;
using OutboundPS.Import;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>BYRobot reports counts per batch, never rows: the per-row records say exactly what is known.</summary>
public sealed class ByRobotImportTests
{
    private static async Task<OutboundTask> NewTask(SandboxHarness<ByRobotSimulator> h) =>
        await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "导入", RobotId = "5002", Lines = new[] { "101" } }, CancellationToken.None);

    private static DictionaryInputRow Row(string phone, string name) => SandboxHarness.Row(("手机号", phone), ("姓名", name));

    [Fact]
    public async Task BatchWhoseCountsCoverEveryRow_IsAccepted_IncludingCustomersTheTaskAlreadyHad()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var task = await NewTask(h);
        var first = new CustomerImport(h.Session, task.Id, new ImportOptions());
        await first.AddAsync(Row("13800138000", "张三"), null, CancellationToken.None);
        await first.CompleteAsync(CancellationToken.None);

        var second = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true });
        await second.AddAsync(Row("13800138000", "张三"), null, CancellationToken.None);
        await second.AddAsync(Row("13800138001", "李四"), null, CancellationToken.None);
        var result = await second.CompleteAsync(CancellationToken.None);

        Assert.Equal(2, result.Accepted);
        Assert.All(result.Rows, r => Assert.Equal(1, r.Batch));
        Assert.Equal(new[] { "13800138000", "13800138001" }, h.Simulator.PhonesOf(long.Parse(task.Id)));
    }

    [Fact]
    public async Task BatchWithVendorRefusals_MarksItsRowsUnknown_WithTheBatchNumberAndCounts()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        // Robot 5001's script needs 金额; the vendor refuses a customer whose value is empty (placeFailNum).
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "导入", RobotId = "5001", Lines = new[] { "101" } }, CancellationToken.None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true, BatchSize = 2, ThrottleLimit = 1 });
        static DictionaryInputRow Owing(string phone, string amount) => SandboxHarness.Row(("手机号", phone), ("姓名", "客户"), ("金额", amount));
        await import.AddAsync(Owing("13800138000", "100"), null, CancellationToken.None);
        await import.AddAsync(Owing("13800138001", ""), null, CancellationToken.None);
        await import.AddAsync(Owing("13800138002", "300"), null, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);

        Assert.Equal(3, result.Submitted);
        Assert.Equal(1, result.Accepted);
        Assert.Equal(2, result.Unknown);
        var unknown = result.Rows.Where(r => r.Outcome == ImportOutcome.Unknown).ToList();
        Assert.All(unknown, r => Assert.Equal(1, r.Batch));
        Assert.All(unknown, r => Assert.Contains("1 imported, 0 already in the task, 1 refused for their variables", r.Error));
        Assert.Equal(ImportOutcome.Accepted, result.Rows[2].Outcome);
        Assert.Equal(2, result.Rows[2].Batch);
    }

    [Fact]
    public async Task BlankName_IsRejectedPerRow_SoTheVendorsCountsStillCoverTheBatch()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var task = await NewTask(h);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true, BatchSize = 3 });
        await import.AddAsync(Row("13800138000", "张三"), null, CancellationToken.None);
        await import.AddAsync(Row("13800138001", "  "), "blank", CancellationToken.None);
        await import.AddAsync(Row("13800138002", "王五"), null, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);

        Assert.Equal((2L, 1L, 0L), (result.Accepted, result.Rejected, result.Unknown));
        Assert.Contains("requires a name", result.Rows[1].Error);
        Assert.True(import.Notices.TryDequeue(out var notice));
        Assert.Equal(("OutboundPS.InvalidRow.Name", (object?)"blank"), (notice!.Error.ErrorId, notice.Target));
        Assert.Equal(new[] { "13800138000", "13800138002" }, h.Simulator.PhonesOf(long.Parse(task.Id)));
    }

    [Fact]
    public async Task ByDefault_BatchesOfFiveHundred()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var task = await NewTask(h);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        for (var i = 0; i < 1_200; i++) await import.AddAsync(Row($"1380000{i:0000}", "客户"), null, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);
        var sizes = h.Requests("/importTaskCustomer")
            .Select(r => r.Body!["customerInfoList"]!.AsArray().Count).OrderBy(n => n);
        Assert.Equal(new[] { 200, 500, 500 }, sizes);
        Assert.Equal(1_200, result.Accepted);
    }

    [Fact]
    public async Task NoNameColumn_IsRefusedBeforeSending()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var task = await NewTask(h);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        var error = await Assert.ThrowsAsync<OutboundException>(() => import.AddAsync(SandboxHarness.Row(("Phone", "13800138000")), null, CancellationToken.None));
        Assert.Contains("-NameProperty", error.Message);
        Assert.Empty(h.Requests("/importTaskCustomer"));
    }
}
