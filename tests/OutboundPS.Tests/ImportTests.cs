using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Import;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

public sealed class ImportTests
{
    private static async Task<OutboundTask> NewTask(SandboxHarness<IFlytekSimulator> h) =>
        await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "导入", RobotId = "719", Lines = new[] { "055169101401" } }, CancellationToken.None);

    [Fact]
    public async Task Insert_SplitsIntoBatchesOfFifty_AndMapsIdsToRows()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var task = await NewTask(h);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true, ThrottleLimit = 4 });
        for (var i = 0; i < 120; i++)
            await import.AddAsync(SandboxHarness.Row(("客户姓名", $"客户{i}"), ("手机号码", $"138 0000 {i:0000}"), ("金额", $"{i}")), i, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);

        var inserts = h.Requests("/task/insert").ToList();
        Assert.Equal(new[] { 20, 50, 50 }, inserts.Select(r => r.Body!["call_list"]!.AsArray().Count).OrderBy(n => n));
        Assert.Equal(120, result.Accepted);
        Assert.Equal(120, result.Submitted);
        Assert.Equal(3, result.Batches);
        // Every row's data id is the id the vendor returned at that row's position in its batch.
        var stored = inserts.SelectMany(r => r.Body!["call_list"]!.AsArray().Select(row => (string?)row![0])).ToList();
        Assert.Equal(stored.OrderBy(p => p), result.Rows.Select(r => r.Phone).OrderBy(p => p));
        var issued = h.Simulator.DataIds;
        Assert.All(result.Rows, row => Assert.Equal(issued[row.Phone!].ToString(System.Globalization.CultureInfo.InvariantCulture), row.DataId));
        Assert.Equal(120, result.Rows.Select(r => r.DataId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 120).Select(n => (long)n), result.Rows.Select(r => r.RowNumber));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"1380000{i:0000}"), h.Simulator.PhonesOf(task.Id).OrderBy(p => p));
        var firstRow = result.Rows[0];
        var batchOfFirst = inserts.Single(r => r.Body!["call_list"]!.AsArray().Any(row => (string?)row![0] == firstRow.Phone));
        Assert.Equal("客户0", (string?)batchOfFirst.Body!["call_list"]!.AsArray().First(row => (string?)row![0] == firstRow.Phone)![1]);
    }

    [Fact]
    public async Task BadAndDuplicatePhones_AreRejectedBeforeSending_AndEveryRowIsCounted()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var task = await NewTask(h);
        var log = new CollectingLog();
        using var _ = Diagnostics.OperationLog.Use(log);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true });
        string[] phones = { "13800138000", "12345", "+86 139-0013-9000", "13800138000", "0551-6910-1401", "" };
        for (var i = 0; i < phones.Length; i++)
            await import.AddAsync(SandboxHarness.Row(("Phone", phones[i]), ("Name", "n"), ("金额", "1")), phones[i], CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);

        Assert.Equal(6, result.Submitted);
        Assert.Equal(2, result.Accepted);
        Assert.Equal(4, result.Rejected);
        Assert.Equal(result.Submitted, result.Accepted + result.Rejected + result.Failed + result.Unknown);
        Assert.Equal(new[] { "13800138000", "13900139000" }, h.Simulator.PhonesOf(task.Id));
        // yeta's first column is the customer's mobile: a landline is refused per row rather than failing its batch.
        Assert.Contains("is a landline", result.Rows[4].Error);
        Assert.Equal(ImportOutcome.Rejected, result.Rows[1].Outcome);
        Assert.Equal("Duplicate", result.Rows[3].Error);
        Assert.Equal(3, import.Notices.Count);
        Assert.Contains(import.Notices, n => Equals(n.Target, "12345"));
        Assert.Contains(log.Lines, l => l.StartsWith("WARNING: 1 rows repeated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingRobotColumn_IsRefusedBeforeAnyRowIsSent()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var task = await NewTask(h);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        var error = await Assert.ThrowsAsync<OutboundException>(() =>
            import.AddAsync(SandboxHarness.Row(("Phone", "13800138000"), ("Name", "n")), null, CancellationToken.None));
        Assert.Contains("金额", error.Message);
        Assert.Empty(h.Requests("/task/insert"));
    }

    [Fact]
    public async Task VendorRefusal_MarksTheBatchFailed_WithCodeAndMessage()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var task = await NewTask(h);
        h.Simulator.Faults.FailNext("/task/insert", 200209);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true });
        await import.AddAsync(SandboxHarness.Row(("Phone", "13800138000"), ("Name", "n"), ("金额", "1")), null, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);
        Assert.Equal(1, result.Failed);
        Assert.Contains("200209", result.Rows[0].Error);
        Assert.Single(import.Notices);
    }

    [Fact]
    public void Columns_AreFoundByChineseOrEnglishName_CaseInsensitively()
    {
        var columns = CustomerColumnDetector.Detect(new[] { "客户姓名", "MOBILE", "金额", "备注" }, null, null, null);
        Assert.Equal("MOBILE", columns.PhoneColumn);
        Assert.Equal("客户姓名", columns.NameColumn);
        Assert.Equal(new[] { "金额", "备注" }, columns.Variables);
        var error = Assert.Throws<OutboundException>(() => CustomerColumnDetector.Detect(new[] { "Foo" }, null, null, null));
        Assert.Contains("-PhoneProperty", error.Message);
        Assert.Contains("Foo", error.Message);
    }

    [Fact]
    public async Task ConnectionDroppedAfterTheVendorStoredTheBatch_IsUnknown_AndNotResent()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var task = await NewTask(h);
        h.Simulator.Faults.DropNext("/task/insert", afterProcessing: true);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true, BatchSize = 2, ThrottleLimit = 1 });
        foreach (var phone in new[] { "13800138000", "13800138001", "13800138002" })
            await import.AddAsync(SandboxHarness.Row(("Phone", phone), ("Name", "n"), ("金额", "1")), phone, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);

        Assert.Equal(2, result.Unknown);
        Assert.Equal(1, result.Accepted);
        Assert.All(result.Rows.Where(r => r.Outcome == ImportOutcome.Unknown), r => Assert.Contains("unknown", r.Error));
        // The vendor did store the dropped batch: the import must not have sent it a second time.
        Assert.Equal(3, h.Simulator.PhonesOf(task.Id).Count);
        Assert.Equal(2, h.Requests("/task/insert").Count());
    }

    [Fact]
    public void PhoneSet_FindsEveryRepeat_SparseOrDense_AndKeepsLandlinesApartFromMobiles()
    {
        var set = new PhoneSet();
        var reference = new System.Collections.Generic.HashSet<string>();
        var random = new Random(7);
        // Dense runs (which turn containers into bitmaps) mixed with scattered numbers and deliberate repeats.
        var phones = Enumerable.Range(0, 20_000).Select(i => $"1380000{i % 10_000:0000}")
            .Concat(Enumerable.Range(0, 20_000).Select(_ => $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):000000000}"))
            .Concat(new[] { "01012345678", "1012345678", "075512345678", "75512345678" });
        foreach (var phone in phones) Assert.Equal(reference.Add(phone), set.Add(phone));
        Assert.Equal(reference.Count, set.Count);
    }
}
