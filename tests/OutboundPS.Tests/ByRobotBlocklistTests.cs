using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Blocklists;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// BYRobot's blacklist (docs/vendors/byrobot.md#blacklist, B6–B13) through the real client over HTTP: bodies and
/// parameters exactly as documented, batches, and every number accounted for.
/// </summary>
public sealed class ByRobotBlocklistTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static string[] Keys(JsonNode? body) => ((JsonObject)body!).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    private static Task<SandboxHarness<ByRobotSimulator>> OverHttpAsync(Func<ByRobotSimulator, IVendorSimulator>? wrap = null) =>
        SandboxHarness.StartAsync<ByRobotSimulator>("ByRobot", overHttp: true, wrap: wrap);

    private static async Task<OutboundBlocklistResult> AddAsync(SandboxHarness<ByRobotSimulator> h, string? listId, params string[] phones)
    {
        var addition = new BlocklistAddition(h.Session, h.Session.Client.Blocklists, new BlocklistAddOptions { ListId = listId, KeepNumbers = true });
        foreach (var phone in phones) await addition.AddAsync(phone, None);
        return await addition.CompleteAsync(None);
    }

    [Fact]
    public async Task Groups_AreCreatedListedEditedAndDeleted_WithTheDocumentedBodies()
    {
        await using var h = await OverHttpAsync();
        var lists = h.Session.Client.Blocklists;

        var created = await lists.NewListAsync("催收免打扰", "客户投诉", None);
        var (add, addBody) = h.Last("/blacklist/group/add");
        Assert.Equal("POST", add.Method);
        Assert.Equal(new[] { "companyId", "name", "remark" }, Keys(addBody));
        Assert.Equal((3813L, "催收免打扰", "客户投诉"), (addBody!.Number("companyId")!.Value, addBody!.Text("name"), addBody!.Text("remark")));

        var listed = await lists.GetListsAsync(None);
        Assert.Equal("3813", h.Last("/blacklist/group/list").Request.Query["companyId"]);
        Assert.Equal(new[] { "-1", created.Id }, listed.Select(l => l.Id));
        var group = listed[1];
        Assert.Equal(("催收免打扰", "客户投诉", (bool?)false), (group.Name, group.Remark, group.Public));

        await lists.SetListAsync(created.Id, "免打扰", null, None);
        var (_, editBody) = h.Last("/blacklist/group/edit");
        Assert.Equal(new[] { "blacklistInfoGroupId", "companyId", "name" }, Keys(editBody));
        Assert.Equal(long.Parse(created.Id), editBody!.Number("blacklistInfoGroupId"));
        Assert.Equal("免打扰", (await lists.GetListsAsync(None))[1].Name);

        await BlocklistRemoval.RemoveAsync(h.Session, lists, group, force: false, None);
        var (_, deleteBody) = h.Last("/blacklist/group/delete");
        Assert.Equal(new[] { "blacklistInfoGroupId", "companyId" }, Keys(deleteBody));
        Assert.Equal(new[] { "-1" }, (await lists.GetListsAsync(None)).Select(l => l.Id));
    }

    [Fact]
    public async Task TwelveHundredNumbers_GoInBatchesOf500_EachNumberWithItsOwnNumberAsName()
    {
        await using var h = await OverHttpAsync();
        var list = await h.Session.Client.Blocklists.NewListAsync("dnc", null, None);
        var phones = Enumerable.Range(1, 1200).Select(i => $"1390000{i:0000}").ToArray();

        var result = await AddAsync(h, list.Id, phones);

        Assert.Equal((1200L, 1200L, 0L, 0L, 0L, 3), (result.Read, result.Added, result.Rejected, result.Failed, result.Unknown, result.Requests));
        var batches = h.Requests("/addBlackList/batch").Select(r => (JsonObject)r.Body!).ToArray();
        Assert.Equal(new[] { 500, 500, 200 }, batches.Select(b => ((JsonArray)b["blacklist"]!).Count));
        Assert.All(batches, b => Assert.Equal(new[] { "blacklist", "blacklistInfoGroupId", "companyId" }, Keys(b)));
        var first = (JsonObject)((JsonArray)batches[0]["blacklist"]!)[0]!;
        Assert.Equal(new[] { "mobile", "name" }, Keys(first));
        Assert.Equal(("13900000001", "13900000001"), (first.Text("mobile"), first.Text("name")));
        Assert.Equal(phones, batches.SelectMany(b => ((JsonArray)b["blacklist"]!).Select(n => ((JsonObject)n!).Text("mobile"))));
        // Every batch was stored whole, so nothing was read back.
        Assert.Empty(h.Requests("/blacklist/info/page"));
    }

    [Fact]
    public async Task Rows_AreReadWithTheImportsColumns_AndBadOrRepeatedNumbersAreRejectedBeforeSending()
    {
        await using var h = await OverHttpAsync();
        var list = await h.Session.Client.Blocklists.NewListAsync("dnc", null, None);
        var addition = new BlocklistAddition(h.Session, h.Session.Client.Blocklists, new BlocklistAddOptions { ListId = list.Id, Remark = "投诉", KeepNumbers = true });
        await addition.AddAsync(SandboxHarness.Row(("姓名", "张三"), ("手机号码", "+86 138-0013-8000")), None);
        await addition.AddAsync(SandboxHarness.Row(("姓名", "李四"), ("手机号码", "12345")), None);
        await addition.AddAsync(SandboxHarness.Row(("姓名", "张三 again"), ("手机号码", "13800138000")), None);
        await addition.AddAsync(SandboxHarness.Row(("姓名", ""), ("手机号码", "13900139000")), None);
        var result = await addition.CompleteAsync(None);

        Assert.Equal((4L, 2L, 2L), (result.Read, result.Added, result.Rejected));
        Assert.Equal(new[] { BlocklistOutcome.Added, BlocklistOutcome.Rejected, BlocklistOutcome.Rejected, BlocklistOutcome.Added }, result.Numbers.Select(n => n.Outcome));
        Assert.StartsWith("Row 2, column 手机号码 '12345':", result.Numbers[1].Reason);
        Assert.Contains("13800138000 again, given first as number 1", result.Numbers[2].Reason);
        var errors = addition.Notices.Select(n => n.Error.ErrorId).ToArray();
        Assert.Equal(new[] { "OutboundPS.InvalidRow.Phone", "OutboundPS.InvalidRow.Phone" }, errors);
        var sent = ((JsonArray)Assert.Single(h.Requests("/addBlackList/batch")).Body!["blacklist"]!).Select(n => (JsonObject)n!).ToArray();
        Assert.Equal(new (string?, string?, string?)[] { ("13800138000", "张三", "投诉"), ("13900139000", "13900139000", "投诉") },
            sent.Select(n => (n.Text("mobile"), n.Text("name"), n.Text("remark"))));
    }

    [Fact]
    public async Task AShortBatch_IsReadBack_ANumberAlreadyListedIsAdded_AndOneNotStoredIsFailed()
    {
        await using var h = await OverHttpAsync(wrap: simulator => new DropsTheLastNumberOfABatch(simulator));
        var list = await h.Session.Client.Blocklists.NewListAsync("dnc", null, None);
        await AddAsync(h, list.Id, "13700000001", "13700000099");

        // The first number is listed already; the wrapper keeps the last from reaching the vendor.
        var result = await AddAsync(h, list.Id, "13700000001", "13700000002", "13700000003");

        Assert.Equal((3L, 2L, 1L, 0L), (result.Read, result.Added, result.Failed, result.Unknown));
        Assert.Equal(new[] { BlocklistOutcome.Added, BlocklistOutcome.Added, BlocklistOutcome.Failed }, result.Numbers.Select(n => n.Outcome));
        Assert.Contains("reported 1 of 2 stored", result.Numbers[2].Reason);
        Assert.Contains($"list {list.Id} does not hold this number", result.Numbers[2].Reason);
        var readBack = h.Last("/blacklist/info/page").Request.Query;
        Assert.Equal((list.Id, "1", "50"), (readBack["blacklistInfoGroupId"], readBack["pageNum"], readBack["pageSize"]));
    }

    [Fact]
    public async Task ABatchTheVendorRefuses_IsFailed_AndOneWhoseAnswerIsLost_IsUnknown()
    {
        await using var h = await OverHttpAsync();
        var list = await h.Session.Client.Blocklists.NewListAsync("dnc", null, None);
        h.Simulator.Faults.FailNext("/addBlackList/batch", 412);
        var refused = await AddAsync(h, list.Id, "13600000001", "13600000002");
        Assert.Equal((2L, 0L, 2L, 0L), (refused.Read, refused.Added, refused.Failed, refused.Unknown));
        Assert.Contains("412", refused.Numbers[0].Reason);

        h.Simulator.Faults.DropNext("/addBlackList/batch", afterProcessing: true);
        var lost = await AddAsync(h, list.Id, "13600000003");
        Assert.Equal((1L, 0L, 0L, 1L), (lost.Read, lost.Added, lost.Failed, lost.Unknown));
    }

    [Fact]
    public async Task AStopWhileABatchIsOnTheWire_LeavesItUnknown_AndTheNumbersHeldBackRejected()
    {
        await using var h = await OverHttpAsync();
        var list = await h.Session.Client.Blocklists.NewListAsync("dnc", null, None);
        var addition = new BlocklistAddition(h.Session, h.Session.Client.Blocklists, new BlocklistAddOptions { ListId = list.Id, BatchSize = 2, KeepNumbers = true });
        h.Simulator.Faults.Latency = TimeSpan.FromSeconds(10);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await addition.AddAsync("13200000001", stop.Token);
        await Assert.ThrowsAnyAsync<Exception>(() => addition.AddAsync("13200000002", stop.Token));
        await addition.AddAsync("13200000003", None);

        var result = addition.Abandon("Not sent: stopped.");
        Assert.True(addition.IsFinished);
        Assert.Equal((3L, 0L, 1L, 0L, 2L), (result.Read, result.Added, result.Rejected, result.Failed, result.Unknown));
        Assert.Equal(new[] { BlocklistOutcome.Unknown, BlocklistOutcome.Unknown, BlocklistOutcome.Rejected }, result.Numbers.Select(n => n.Outcome));
        Assert.Equal("Not sent: stopped.", result.Numbers[2].Reason);
    }

    [Fact]
    public async Task AStopWhileAddingToTheDefaultGroup_LeavesTheNumberOnTheWireUnknown_AndTheOnesNotSentRejected()
    {
        await using var h = await OverHttpAsync();
        // No list: one request a number (B6). The stop comes while the first of three is on the wire.
        var addition = new BlocklistAddition(h.Session, h.Session.Client.Blocklists, new BlocklistAddOptions { BatchSize = 3, KeepNumbers = true });
        h.Simulator.Faults.Latency = TimeSpan.FromSeconds(10);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await addition.AddAsync("13200000001", stop.Token);
        await addition.AddAsync("13200000002", stop.Token);
        await Assert.ThrowsAnyAsync<Exception>(() => addition.AddAsync("13200000003", stop.Token));

        var result = addition.Abandon("Not sent: stopped.");
        Assert.Equal((3L, 0L, 2L, 0L, 1L), (result.Read, result.Added, result.Rejected, result.Failed, result.Unknown));
        Assert.Equal(new[] { BlocklistOutcome.Unknown, BlocklistOutcome.Rejected, BlocklistOutcome.Rejected }, result.Numbers.Select(n => n.Outcome));
        Assert.Equal("Not sent: stopped.", result.Numbers[2].Reason);
    }

    [Fact]
    public async Task ANumberInARangeTheMetadataDoesNotList_CanStillBeBlocked()
    {
        await using var h = await OverHttpAsync();
        var list = await h.Session.Client.Blocklists.NewListAsync("new ranges", null, None);
        // 154 is a mobile block libphonenumber 9.0.43 does not list; an import refuses it without -AllowUnassignedRange.
        var result = await AddAsync(h, list.Id, "15412345678");
        Assert.Equal((1L, 1L, 0L), (result.Read, result.Added, result.Rejected));
    }

    [Fact]
    public async Task WithoutAList_EachNumberGoesToTheDefaultGroup_ThroughAddBlackList()
    {
        await using var h = await OverHttpAsync();
        var result = await AddAsync(h, null, "13500000001", "13500000002");

        Assert.Equal(("-1", 2L, 2), (result.ListId, result.Added, result.Requests));
        var bodies = h.Requests("/company/addBlackList").Select(r => (JsonObject)r.Body!).ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Equal(new[] { "companyId", "mobile", "name" }, Keys(bodies[0]));
        Assert.Equal("13500000002", bodies[1].Text("mobile"));
        var page = await h.Session.Client.Blocklists.GetNumberPageAsync("-1", 1, None);
        Assert.Equal(new[] { "13500000001", "13500000002" }, page.Numbers.Select(n => n.Phone));
    }

    [Fact]
    public async Task Numbers_ArePagedWithTheDocumentedParameters_AndMapEveryField()
    {
        await using var h = await OverHttpAsync();
        var lists = h.Session.Client.Blocklists;
        var list = await lists.NewListAsync("dnc", null, None);
        var addition = new BlocklistAddition(h.Session, lists, new BlocklistAddOptions { ListId = list.Id, Remark = "投诉" });
        for (var i = 1; i <= 60; i++) await addition.AddAsync(SandboxHarness.Row(("Phone", $"1350000{i:0000}"), ("Name", $"客户{i}")), None);
        await addition.CompleteAsync(None);

        var second = await lists.GetNumberPageAsync(list.Id, 2, None);
        var query = h.Last("/blacklist/info/page").Request.Query;
        Assert.Equal(new[] { "blacklistInfoGroupId", "companyId", "pageNum", "pageSize" }, query.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(("2", "50"), (query["pageNum"], query["pageSize"]));
        Assert.Equal(60, second.Total);
        Assert.Equal(10, second.Numbers.Count);
        var number = second.Numbers[0];
        Assert.Equal((list.Id, "13500000051", "客户51", "投诉"), (number.ListId, number.Phone, number.Name, number.Remark));
        Assert.NotNull(number.Id);
        Assert.Equal(new DateTimeOffset(SandboxHarness.Start.DateTime, TimeSpan.FromHours(8)), number.Created);
    }

    [Fact]
    public async Task ANonEmptyGroup_IsRefusedHereWithItsCount_OrEmptiedFirstUnderForce()
    {
        await using var h = await OverHttpAsync();
        var lists = h.Session.Client.Blocklists;
        var list = await lists.NewListAsync("待删除", null, None);
        await AddAsync(h, list.Id, "13400000001", "13400000002", "13400000003");

        var refused = await Assert.ThrowsAsync<OutboundException>(() => BlocklistRemoval.RemoveAsync(h.Session, lists, list, force: false, None));
        Assert.Equal("OutboundPS.ByRobot.BlocklistNotEmpty", refused.ErrorId);
        Assert.Contains($"'待删除' (id {list.Id}) still holds 3 numbers", refused.Message);
        Assert.Contains("-Force", refused.Message);
        Assert.Empty(h.Requests("/blacklist/group/delete"));

        var removed = await BlocklistRemoval.RemoveAsync(h.Session, lists, list, force: true, None);
        Assert.Equal(3, removed);
        var deletes = h.Requests("/blacklist/info/delete").Select(r => (JsonObject)r.Body!).ToArray();
        Assert.Equal(new[] { "blacklistInfoGroupId", "companyId", "mobile" }, Keys(deletes[0]));
        Assert.Equal(new[] { "13400000001", "13400000002", "13400000003" }, deletes.Select(d => d.Text("mobile")));
        Assert.Single(h.Requests("/blacklist/group/delete"));
        Assert.DoesNotContain(await lists.GetListsAsync(None), l => l.Id == list.Id);
    }

    [Fact]
    public async Task UnderForce_ANumberTheVendorWillNotRemove_EndsWithTheGroupsCount_NotTheVendorsRefusal()
    {
        await using var h = await OverHttpAsync(wrap: simulator => new KeepsOneNumber(simulator, "13400000007"));
        var lists = h.Session.Client.Blocklists;
        var list = await lists.NewListAsync("stuck", null, None);
        await AddAsync(h, list.Id, Enumerable.Range(1, 20).Select(i => $"134000000{i:00}").ToArray());

        var refused = await Assert.ThrowsAsync<OutboundException>(() => BlocklistRemoval.RemoveAsync(h.Session, lists, list, force: true, None));
        Assert.Equal("OutboundPS.ByRobot.BlocklistNotEmpty", refused.ErrorId);
        Assert.Contains("1 number", refused.Message);
        Assert.Empty(h.Requests("/blacklist/group/delete"));
    }

    [Fact]
    public async Task TheSandbox_RefusesToDeleteAGroupThatHoldsNumbers()
    {
        await using var h = await OverHttpAsync();
        var lists = h.Session.Client.Blocklists;
        var list = await lists.NewListAsync("x", null, None);
        await AddAsync(h, list.Id, "13300000001");

        var refused = await Assert.ThrowsAsync<OutboundException>(() => lists.RemoveListAsync(list.Id, None));
        Assert.Equal("412", refused.VendorCode);
        Assert.Contains(await lists.GetListsAsync(None), l => l.Id == list.Id);
    }

    [Fact]
    public async Task AGroupThatDoesNotExist_PointsToTheListOfGroups_NotToTheTasks()
    {
        await using var h = await OverHttpAsync();
        var missing = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.Blocklists.GetNumberPageAsync("99999", 1, None));
        Assert.Equal("404", missing.VendorCode);
        Assert.Contains("Get-OutboundBlocklist", missing.RecommendedAction);
        Assert.DoesNotContain("Get-OutboundTask", missing.RecommendedAction);
    }

    [Fact]
    public async Task RemovingANumberNotListed_ReportsFalse()
    {
        await using var h = await OverHttpAsync();
        var lists = h.Session.Client.Blocklists;
        var list = await lists.NewListAsync("x", null, None);
        await AddAsync(h, list.Id, "13300000001");

        Assert.False(await lists.RemoveNumberAsync(list.Id, "13300000002", None));
        Assert.True(await lists.RemoveNumberAsync(list.Id, "13300000001", None));
        Assert.Equal(0, (await lists.GetNumberPageAsync(list.Id, 1, None)).Total);
    }

    [Fact]
    public async Task AListedNumber_IsImportedButItsCallEndsAsBlocked_AndASingleCallToItIsNotPlaced()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var client = h.Session.Client;
        // 13800138001 answers in the sandbox when not listed (its last digit), so Blocked can only come from the list.
        const string listed = "13800138001";
        const string free = "13800138002";
        await AddAsync(h, null, listed);
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "blocked", RobotId = "5002", Lines = new[] { "101" } }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        await import.AddAsync(SandboxHarness.Row(("Phone", listed), ("Name", "甲")), null, None);
        await import.AddAsync(SandboxHarness.Row(("Phone", free), ("Name", "乙")), null, None);
        var imported = await import.CompleteAsync(None);
        Assert.Equal(2, imported.Accepted);

        await client.StartTaskAsync(task.Id, None);
        h.Clock.Advance(TimeSpan.FromHours(1));
        var records = (await client.GetFinishedCallsAsync(new CallRecordFilter(task.Id), 1, None)).Records;
        var blocked = records.Single(r => r.Phone == listed);
        Assert.Equal((CallOutcome.Blocked, TimeSpan.Zero), (blocked.Outcome, blocked.Duration ?? TimeSpan.Zero));
        Assert.Equal(CallOutcome.Answered, records.Single(r => r.Phone == free).Outcome);

        var columns = new CustomerColumns("Phone", "Name", Array.Empty<string>());
        await client.CallAsync(new CallSpec("5002", columns, new[] { new CustomerRow(1, listed, "甲", Array.Empty<string>()) }), None);
        Assert.Single(h.Simulator.BlockedCalls);
        Assert.DoesNotContain(h.Simulator.Calls, c => c.Body.Text("mobile") == listed);
    }

    /// <summary>Keeps the last number of every batch from reaching the vendor, as a vendor that silently skips one would.</summary>
    private sealed class DropsTheLastNumberOfABatch : IVendorSimulator
    {
        private readonly IVendorSimulator _inner;

        internal DropsTheLastNumberOfABatch(IVendorSimulator inner) => _inner = inner;

        public SandboxFaults Faults => _inner.Faults;

        public SimulatedResponse Handle(SimulatedRequest request)
        {
            if (!request.Path.EndsWith("/addBlackList/batch", StringComparison.Ordinal)) return _inner.Handle(request);
            var body = JsonNode.Parse(request.Body)!.AsObject();
            var numbers = (JsonArray)body["blacklist"]!;
            if (numbers.Count > 1) numbers.RemoveAt(numbers.Count - 1);
            return _inner.Handle(new SimulatedRequest(request.Method, request.Path, request.Query, request.Headers, Encoding.UTF8.GetBytes(body.ToJsonString())));
        }
    }

    /// <summary>Answers the delete of one number as if the group did not hold it (B12's data false), so it stays.</summary>
    private sealed class KeepsOneNumber : IVendorSimulator
    {
        private readonly IVendorSimulator _inner;
        private readonly string _kept;

        internal KeepsOneNumber(IVendorSimulator inner, string kept)
        {
            _inner = inner;
            _kept = kept;
        }

        public SandboxFaults Faults => _inner.Faults;

        public SimulatedResponse Handle(SimulatedRequest request)
        {
            if (!request.Path.EndsWith("/blacklist/info/delete", StringComparison.Ordinal)) return _inner.Handle(request);
            var body = JsonNode.Parse(request.Body)!.AsObject();
            if (body["mobile"]?.GetValue<string>() != _kept) return _inner.Handle(request);
            body["mobile"] = "13999999999";
            return _inner.Handle(new SimulatedRequest(request.Method, request.Path, request.Query, request.Headers, Encoding.UTF8.GetBytes(body.ToJsonString())));
        }
    }
}
