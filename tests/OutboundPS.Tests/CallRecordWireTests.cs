using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.ByRobot;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Results;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Reading call results back over loopback: BYRobot B26–B29 and yeta's failed-push files (Y16), field names and code mapping.</summary>
public sealed class CallRecordWireTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>BYRobot's finish statuses and their outcomes, as docs/vendors/byrobot.md#finish-status tables them.</summary>
    private static readonly IReadOnlyDictionary<int, CallOutcome> FinishStatusOutcomes = new Dictionary<int, CallOutcome>
    {
        [0] = CallOutcome.Answered, [1] = CallOutcome.Rejected, [2] = CallOutcome.Unreachable, [3] = CallOutcome.LineError,
        [4] = CallOutcome.Unreachable, [5] = CallOutcome.PoweredOff, [6] = CallOutcome.Busy, [7] = CallOutcome.Unreachable,
        [8] = CallOutcome.NoAnswer, [9] = CallOutcome.LineError, [10] = CallOutcome.LineError, [11] = CallOutcome.Blocked,
        [22] = CallOutcome.LineError,
    };

    /// <summary>yeta's current task_result codes and their outcomes, as docs/vendors/iflytek.md#call-result-codes tables them.</summary>
    private static readonly IReadOnlyDictionary<int, CallOutcome> TaskResultOutcomes = new Dictionary<int, CallOutcome>
    {
        [-1] = CallOutcome.NoAnswer, [0] = CallOutcome.Answered, [2] = CallOutcome.Busy, [3] = CallOutcome.Unreachable,
        [4] = CallOutcome.PoweredOff, [5] = CallOutcome.Busy, [6] = CallOutcome.Unreachable, [7] = CallOutcome.Unreachable,
        [8] = CallOutcome.Rejected, [9] = CallOutcome.Unreachable, [15] = CallOutcome.Answered, [16] = CallOutcome.Answered,
        [18] = CallOutcome.Answered, [19] = CallOutcome.Answered, [20] = CallOutcome.NoAnswer, [22] = CallOutcome.NoAnswer,
        [23] = CallOutcome.Blocked, [25] = CallOutcome.Unreachable, [26] = CallOutcome.LineError, [27] = CallOutcome.LineError,
        [28] = CallOutcome.LineError,
    };

    /// <summary>A BYRobot task of robot 5001 (variables 客户名称, 金额) holding these phones, dialled to the end.</summary>
    private static async Task<OutboundTask> DialledTaskAsync(SandboxHarness<ByRobotSimulator> h, IReadOnlyList<string> phones, bool start = true)
    {
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "results", RobotId = "5001", Lines = new[] { "101" }, Concurrency = 50 }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        for (var i = 0; i < phones.Count; i++)
            await import.AddAsync(SandboxHarness.Row(("Phone", phones[i]), ("Name", $"客户{i}"), ("金额", $"{100 + i}")), i, None);
        Assert.Equal(phones.Count, (await import.CompleteAsync(None)).Accepted);
        if (!start) return task;
        await h.Session.Client.StartTaskAsync(task.Id, None);
        h.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(OutboundTaskStatus.Completed, (await h.Session.Client.GetTaskAsync(task.Id, None)).Status);
        return task;
    }

    private static async Task<List<OutboundCallRecord>> ReadAllAsync(OutboundSession session, CallRecordQuery query)
    {
        var records = new List<OutboundCallRecord>();
        using var stream = CallRecordReads.Open(session, query, None);
        while (await stream.NextAsync() is { } batch) records.AddRange(batch);
        return records;
    }

    [Fact]
    public async Task FinishedCalls_PostTheDocumentedQuery_AndMapEveryFinishStatus()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var codes = FinishStatusOutcomes.Keys.ToArray();
        var phones = codes.Select(code => ByRobotSimulator.PhoneFor(code, 'B')).ToArray();
        // Each phone was made for its code: the code a record must carry is the one its phone was made for.
        var codeOfPhone = phones.Zip(codes).ToDictionary(p => p.First, p => p.Second);
        var task = await DialledTaskAsync(h, phones);

        var records = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id)));

        var (request, body) = h.Last("/openapi/v1/task/queryDoneTaskPhones");
        Assert.Equal("POST", request.Method);
        Assert.Equal(new[] { "callJobId", "pageNum", "pageSize" }, body!.Select(p => p.Key));
        Assert.Equal((long.Parse(task.Id), 1, 50), ((long)body!["callJobId"]!, (int)body["pageNum"]!, (int)body["pageSize"]!));
        Assert.Equal(phones.OrderBy(p => p), records.Select(r => r.Phone).OrderBy(p => p));
        foreach (var record in records)
        {
            var code = codeOfPhone[record.Phone!];
            Assert.Equal(code, record.VendorStatus);
            Assert.Equal(FinishStatusOutcomes[code], record.Outcome);
            Assert.Equal(task.Id, record.TaskId);
            Assert.False(string.IsNullOrEmpty(record.CallId));
            Assert.StartsWith("客户", record.Name);
            Assert.NotNull(record.Dialled);
            Assert.Equal(TimeSpan.FromHours(8), record.Dialled!.Value.Offset);
        }

        var answered = Assert.Single(records, r => r.Outcome == CallOutcome.Answered);
        Assert.Equal(("B", "B级(一般)"), (answered.Intent, answered.IntentLabel));
        Assert.True(answered.Duration > TimeSpan.Zero);
        Assert.True(answered.Rounds > 0);
        Assert.NotNull(answered.RecordingUri);
        Assert.All(records.Where(r => r.Outcome != CallOutcome.Answered), r => Assert.Null(r.Intent));
        // Every unified outcome but Unknown is reached by some documented code.
        Assert.Equal(Enum.GetValues<CallOutcome>().Where(o => o != CallOutcome.Unknown), records.Select(r => r.Outcome).Distinct().OrderBy(o => o));
    }

    [Fact]
    public async Task FinishedCalls_MapEveryIntentLevel_FromTheWordingBYRobotLists()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var letters = "ABCDEF".ToCharArray();
        var task = await DialledTaskAsync(h, letters.Select((letter, i) => ByRobotSimulator.PhoneFor(0, letter, i)).ToArray());

        var records = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id)));

        Assert.Equal(letters.Select(l => l.ToString()), records.Select(r => r.Intent!).OrderBy(l => l));
        // docs/vendors/byrobot.md#intent-levels: the old resultValue wording, which the finished-call list gives.
        var wording = new Dictionary<string, string>
        {
            ["A"] = "A级(较强)", ["B"] = "B级(一般)", ["C"] = "C级(很少)",
            ["D"] = "D级(需筛选)", ["E"] = "E级(需要再次跟进)", ["F"] = "F级(无需跟进)",
        };
        Assert.All(records, r => Assert.Equal(wording[r.Intent!], r.IntentLabel));
    }

    [Fact]
    public void FinishedCall_WithACodeNotInTheTable_KeepsItRaw()
    {
        var record = ByRobotRecordMapper.FromDone(new ByRobotDoneCall { CallInstanceId = 7, FinishStatus = 42, Duration = 3 });

        Assert.Equal((CallOutcome.Unknown, 42), (record.Outcome, record.VendorStatus));
        Assert.Equal(TimeSpan.FromSeconds(3), record.Duration);
    }

    [Fact]
    public async Task Filters_TheVendorCanApply_AreSent_AndTheRestAppliedLocally()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var phones = new[]
        {
            ByRobotSimulator.PhoneFor(0, 'A'), ByRobotSimulator.PhoneFor(0, 'B', 1), ByRobotSimulator.PhoneFor(0, 'C', 2),
            ByRobotSimulator.PhoneFor(8), ByRobotSimulator.PhoneFor(6), ByRobotSimulator.PhoneFor(5),
        };
        var task = await DialledTaskAsync(h, phones);

        var busy = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id) { Outcome = new[] { CallOutcome.Busy } }));
        Assert.Equal(6, (int)h.Last("/queryDoneTaskPhones").Body!["finishStatus"]!);
        Assert.Equal(phones[4], Assert.Single(busy).Phone);

        var recall = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Finished,
            new CallRecordFilter(task.Id) { Outcome = new[] { CallOutcome.NoAnswer, CallOutcome.Busy, CallOutcome.PoweredOff } }));
        Assert.Null(h.Last("/queryDoneTaskPhones").Body!["finishStatus"]);
        Assert.Equal(new[] { phones[3], phones[4], phones[5] }.OrderBy(p => p), recall.Select(r => r.Phone).OrderBy(p => p));

        var intentA = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Finished,
            new CallRecordFilter(task.Id) { Intent = new[] { "A" }, MinDuration = TimeSpan.FromSeconds(1) }));
        var sent = h.Last("/queryDoneTaskPhones").Body!;
        Assert.Equal("客户意向等级", (string?)sent["resultQueryList"]![0]!["name"]);
        Assert.Equal("A级(较强)", (string?)sent["resultQueryList"]![0]!["value"]);
        Assert.Equal(1, (int)sent["durationLeft"]!);
        Assert.Equal(phones[0], Assert.Single(intentA).Phone);

        var intentsBC = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id) { Intent = new[] { "B", "C" } }));
        Assert.Null(h.Last("/queryDoneTaskPhones").Body!["resultQueryList"]);
        Assert.Equal(new[] { "B", "C" }, intentsBC.Select(r => r.Intent).OrderBy(i => i));
    }

    [Fact]
    public async Task Pages_AreReadSeveralAtATime_AndSkippedPagesAreNotRead()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var phones = Enumerable.Range(0, 230).Select(i => ByRobotSimulator.PhoneFor(0, 'A', i)).ToArray();
        var task = await DialledTaskAsync(h, phones);

        var all = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id)) { ThrottleLimit = 4 });
        Assert.Equal(230, all.Select(r => r.CallId).Distinct().Count());
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, h.Requests("/queryDoneTaskPhones").Select(r => (int)r.Body!["pageNum"]!).OrderBy(n => n));

        var before = h.Requests("/queryDoneTaskPhones").Count();
        var skipped = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id)) { Skip = 120 });
        Assert.Equal(all.Skip(120).Select(r => r.CallId), skipped.Select(r => r.CallId));
        // Pages 1 and 2 hold only skipped records.
        Assert.Equal(new[] { 3, 4, 5 }, h.Requests("/queryDoneTaskPhones").Skip(before).Select(r => (int)r.Body!["pageNum"]!).OrderBy(n => n));
    }

    [Fact]
    public async Task PagesArriving_AskForMore_WithoutWaitingForTheConsumer_UpToTwiceTheThrottleLimit()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var task = await DialledTaskAsync(h, Enumerable.Range(0, 600).Select(i => ByRobotSimulator.PhoneFor(0, 'A', i)).ToArray());
        int Requested() => h.Requests("/queryDoneTaskPhones").Count();

        using var stream = CallRecordReads.Open(h.Session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id)) { ThrottleLimit = 2 }, None);
        var first = await stream.NextAsync();

        // The consumer holds the first page; the pages that came back asked for more until four wait.
        Assert.True(SpinWait.SpinUntil(() => Requested() >= 5, TimeSpan.FromSeconds(10)));
        Thread.Sleep(100);
        Assert.Equal(5, Requested());
        var count = first!.Count;
        while (await stream.NextAsync() is { } batch) count += batch.Count;
        Assert.Equal((600, 12), (count, Requested()));
    }

    [Fact]
    public async Task IncludeTranscript_ReadsEachCallsDetail_WithItsVariablesAndUtterances()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var phones = new[] { ByRobotSimulator.PhoneFor(0, 'D'), ByRobotSimulator.PhoneFor(8) };
        var task = await DialledTaskAsync(h, phones);

        var records = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id)) { IncludeTranscript = true });

        var details = h.Requests("/openapi/v1/task/phoneLogInfo").ToArray();
        Assert.Equal(2, details.Length);
        Assert.All(details, d => Assert.Equal("GET", d.Request.Method));
        Assert.Equal(records.Select(r => r.CallId).OrderBy(id => id), details.Select(d => d.Request.Query["callInstanceId"]).OrderBy(id => id));
        var answered = records.Single(r => r.Outcome == CallOutcome.Answered);
        Assert.Equal(phones.ToList().IndexOf(answered.Phone!) + 100, int.Parse(answered.Variables["金额"]));
        Assert.NotEmpty(answered.Transcript!);
        Assert.Equal(CallSpeaker.Robot, answered.Transcript![0].Speaker);
        Assert.Contains(answered.Transcript, u => u.Speaker == CallSpeaker.Customer);
        Assert.Equal("D", answered.Intent);
    }

    [Fact]
    public async Task Pending_ListsTheNumbersNotDialled_ThenNone()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var phones = Enumerable.Range(0, 3).Select(i => ByRobotSimulator.PhoneFor(0, 'A', i)).ToArray();
        var task = await DialledTaskAsync(h, phones, start: false);

        var pending = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Pending, new CallRecordFilter(task.Id)));

        var (request, body) = h.Last("/openapi/v1/task/notDialedCustomerList");
        Assert.Equal("POST", request.Method);
        Assert.Equal(new[] { "taskId", "pageNum", "pageSize" }, body!.Select(p => p.Key));
        Assert.Equal(phones.OrderBy(p => p), pending.Select(r => r.Phone).OrderBy(p => p));
        Assert.All(pending, r => Assert.Equal((CallOutcome.Unknown, (int?)null, task.Id), (r.Outcome, r.VendorStatus, r.TaskId)));

        await h.Session.Client.StartTaskAsync(task.Id, None);
        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.Pending, new CallRecordFilter(task.Id))));
    }

    [Fact]
    public async Task MissedCallbacks_AreListedByDay_ThenEachReadInFull()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var phones = new[] { ByRobotSimulator.PhoneFor(0, 'C'), ByRobotSimulator.PhoneFor(1) };
        var task = await DialledTaskAsync(h, phones);
        var day = h.Clock.Now.Date;

        var records = await ReadAllAsync(h.Session, new CallRecordQuery(CallRecordSource.MissedCallbacks, new CallRecordFilter(string.Empty))
        {
            Since = day.AddDays(-1),
            Until = day,
        });

        var (request, _) = h.Last("/openapi/v1/callBack/queryUnCallBack");
        Assert.Equal("GET", request.Method);
        Assert.Equal(new[] { "companyId", "dataType", "endDate", "pageNum", "pageSize", "startDate" }, request.Query.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(("3813", "0", "500"), (request.Query["companyId"], request.Query["dataType"], request.Query["pageSize"]));
        Assert.Equal((day.AddDays(-1).ToString("yyyy-MM-dd"), day.ToString("yyyy-MM-dd")), (request.Query["startDate"], request.Query["endDate"]));
        Assert.Equal(2, h.Requests("/openapi/v1/task/phoneLogInfo").Count());
        Assert.Equal(phones.OrderBy(p => p), records.Select(r => r.Phone).OrderBy(p => p));
        Assert.All(records, r => Assert.Null(r.Transcript));
        Assert.Equal(new[] { CallOutcome.Answered, CallOutcome.Rejected }, records.Select(r => r.Outcome).OrderBy(o => o));
        Assert.Equal("C", records.Single(r => r.Outcome == CallOutcome.Answered).Intent);
    }

    [Fact]
    public async Task MissedCallbacks_SinceAfterUntil_IsRefusedBeforeSending()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var error = Assert.Throws<OutboundException>(() => CallRecordReads.Open(h.Session,
            new CallRecordQuery(CallRecordSource.MissedCallbacks, new CallRecordFilter(string.Empty)) { Since = new DateTime(2026, 11, 20), Until = new DateTime(2026, 11, 19) }, None));
        Assert.Contains("-Until", error.Message);
        Assert.Empty(h.Requests("/queryUnCallBack"));
    }

    [Fact]
    public async Task FailedPushFiles_AreListedForADay_Downloaded_AndMergedIntoOneRecordPerCall()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var results = TaskResultOutcomes.Keys.ToArray();
        var phones = results.Select((code, i) => IFlytekSimulator.PhoneFor(code, "ABCDEF"[i % 6], i)).ToArray();
        var codeOfPhone = phones.Zip(results).ToDictionary(p => p.First, p => p.Second);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "y16", RobotId = "720", Lines = new[] { "055169101401" } }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { KeepRows = true });
        for (var i = 0; i < phones.Length; i++)
            await import.AddAsync(SandboxHarness.Row(("客户手机号码", phones[i]), ("姓名", $"客户{i}")), i, None);
        var imported = await import.CompleteAsync(None);
        await h.Session.Client.StartTaskAsync(task.Id, None);
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.Session.Client.GetTaskAsync(task.Id, None);
        var callDay = h.Clock.Now.Date;
        h.Clock.Advance(TimeSpan.FromDays(1));

        var files = FailedPushFiles.Of(h.Session.Client, callDay, h.Clock.Now.Date);
        var records = new List<OutboundCallRecord>();
        using (var stream = new PushRecordStream(files.NextAsync, new CallRecordFilter(task.Id), None))
            while (await stream.NextAsync() is { } batch) records.AddRange(batch);

        var (listing, body) = h.Last("/openapi/download/v1/push/failed");
        Assert.Equal("POST", listing.Method);
        Assert.Equal(callDay.ToString("yyyy-MM-dd"), (string?)body!["date"]);
        var downloads = h.Simulator.Received.Where(r => r.Request.Path.StartsWith("/push_download/", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(downloads);
        Assert.All(downloads, d => Assert.Equal(("GET", false), (d.Request.Method, d.Request.Query.ContainsKey("token"))));
        Assert.Equal(phones.OrderBy(p => p), records.Select(r => r.Phone).OrderBy(p => p));
        foreach (var record in records)
        {
            var code = codeOfPhone[record.Phone!];
            Assert.Equal((code, TaskResultOutcomes[code], task.Id), (record.VendorStatus, record.Outcome, record.TaskId));
            Assert.Equal(imported.Rows!.Single(r => r.Phone == record.Phone).DataId, record.DataId);
        }

        var answered = records.Where(r => r.Outcome == CallOutcome.Answered).ToArray();
        Assert.All(answered, r => Assert.NotEmpty(r.Transcript!));
        Assert.All(answered, r => Assert.Equal(IFlytekSimulator.IntentOf(r.Phone!)?.ToString(), r.Intent));
        Assert.Equal(Enum.GetValues<CallOutcome>().Where(o => o != CallOutcome.Unknown), records.Select(r => r.Outcome).Distinct().OrderBy(o => o));
    }

    [Fact]
    public async Task FailedPushFiles_OutsideTheLastSevenDays_AreRefusedBeforeSending()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var today = new DateTime(2026, 11, 22);
        foreach (var day in new[] { today, today.AddDays(-8), today.AddDays(3) })
        {
            var error = Assert.Throws<OutboundException>(() => FailedPushFiles.Of(h.Session.Client, day, today));
            Assert.Contains("2026-11-15 to 2026-11-21", error.RecommendedAction);
        }

        FailedPushFiles.Of(h.Session.Client, today.AddDays(-7), today);
        Assert.Empty(h.Requests("/push/failed"));
    }
}
