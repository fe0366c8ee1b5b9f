using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sessions;
using OutboundPS.Sandbox;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Every BYRobot endpoint through RestSharp to the simulator over a real loopback socket.</summary>
public sealed class ByRobotWireTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static void AssertSignedGet(SimulatedRequest request, params string[] query)
    {
        Assert.Equal("GET", request.Method);
        AssertSigned(request);
        Assert.Equal(query.OrderBy(q => q), request.Query.Keys.OrderBy(k => k));
        Assert.Empty(request.Body);
    }

    private static void AssertSignedPost(SimulatedRequest request)
    {
        Assert.Equal("POST", request.Method);
        AssertSigned(request);
        Assert.Empty(request.Query);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
    }

    private static void AssertSigned(SimulatedRequest request)
    {
        Assert.Equal(SandboxHarness.Key, request.Headers["appkey"]);
        Assert.Matches(@"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$", request.Headers["datetime"]);
        Assert.Matches(@"^[A-Za-z0-9+/]{27}=$", request.Headers["sign"]);
    }

    private static NewTaskSpec Spec() => new()
    {
        Name = "催收 11月",
        RobotId = "5001",
        Lines = new[] { "101", "13900001111" },
        WorkingHours = TaskInput.ParseWindows("WorkingHours", new[] { "09:00-12:00", "13:30-18:00" }),
        Concurrency = 3,
        RecallCount = 2,
        RecallInterval = TimeSpan.FromMinutes(30),
        SendSms = true,
        Remark = "测试",
    };

    [Fact]
    public async Task CreateTask_WithoutSendSms_LeavesSmsTypeToItsDocumentedDefault()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var spec = Spec();
        spec.SendSms = false;
        await h.Session.Client.CreateTaskAsync(spec, None);
        Assert.False(h.Last("/task/createTask").Body!.ContainsKey("smsType"));
    }

    [Fact]
    public async Task Connect_ReadsCompaniesSigned_AndAdoptsTheOnlyCompany()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        AssertSignedGet(h.Last("/company/getCompanys").Request);
        Assert.Equal("3813", h.Session.CompanyId);
    }

    [Fact]
    public async Task Connect_WithSeveralCompanies_NeedsCompanyId_AndRefusesAForeignOne()
    {
        var several = await Assert.ThrowsAsync<OutboundException>(() =>
            SandboxHarness.ByRobotAsync(overHttp: true, arrange: s => s.AddCompany(4000, "第二公司")));
        Assert.Contains("-CompanyId", several.Message);
        Assert.Contains("4000", several.Message);
        var foreign = await Assert.ThrowsAsync<OutboundException>(() => SandboxHarness.ByRobotAsync(overHttp: true, companyId: "9"));
        Assert.Equal(OutboundErrorKind.InvalidArgument, foreign.Kind);
        await using var chosen = await SandboxHarness.ByRobotAsync(overHttp: true, companyId: "4000", arrange: s => s.AddCompany(4000, "第二公司"));
        Assert.Equal("4000", chosen.Session.CompanyId);
    }

    [Fact]
    public async Task Lines_AndRobots_AreGetsWithCompanyIdInTheQuery()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var lines = await h.Session.Client.GetLinesAsync(None);
        var get = h.Last("/company/getPhones").Request;
        AssertSignedGet(get, "companyId");
        Assert.Equal("3813", get.Query["companyId"]);
        Assert.Equal(new[] { "101", "102" }, lines.Select(l => l.Id));
        Assert.Equal("057188880001", lines[0].Number);
        Assert.Equal(1, lines[0].LineType);
        Assert.Equal(5, lines[1].Concurrency);

        var robots = await h.Session.Client.GetRobotsAsync(None);
        AssertSignedGet(h.Last("/company/getRobots").Request, "companyId");
        var variables = h.Last("/task/getSceneVariables").Request;
        AssertSignedGet(variables, "companyId", "sceneDefId");
        var robot = robots.Single(r => r.Id == "5001");
        Assert.Equal("6001", robot.SceneId);
        Assert.Equal("标准女声", robot.Recordings["7001"]);
        Assert.Equal(new[] { "客户名称", "金额" }, robot.Variables);
    }

    [Fact]
    public async Task Robots_AreListedEvenWhenOneRobotsVariablesCannotBeRead()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var log = new CollectingLog();
        using var scope = Diagnostics.OperationLog.Use(log);
        h.Simulator.Faults.FailNext("/task/getSceneVariables", 500);

        var robots = await h.Session.Client.GetRobotsAsync(None);

        Assert.Equal(new[] { "5001", "5002" }, robots.Select(r => r.Id));
        Assert.Null(robots[0].Variables);
        Assert.Equal(new[] { "客户名称" }, robots[1].Variables);
        Assert.Single(log.Lines, l => l.StartsWith("WARNING: The variables of BYRobot robot 5001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateTask_PostsUserPhoneIdsAsAList_WindowsAsWorkAndBreak_AndRobotDefaults()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(Spec(), None);

        var (request, body) = h.Last("/task/createTask");
        AssertSignedPost(request);
        Assert.Equal(3813, (long)body!["companyId"]!);
        Assert.Equal("催收 11月", (string?)body["taskName"]);
        Assert.Equal(2, (int)body["taskType"]!);
        Assert.Equal(new long[] { 101, 102 }, body["userPhoneIds"]!.AsArray().Select(n => (long)n!));
        Assert.Equal(5001, (long)body["robotDefId"]!);
        Assert.Equal(6001, (long)body["sceneDefId"]!);
        Assert.Equal(7001, (long)body["sceneRecordId"]!);
        Assert.Equal(1, (int)body["callType"]!);
        Assert.Equal("09:00", (string?)body["workingStartTime"]);
        Assert.Equal("18:00", (string?)body["workingEndTime"]);
        Assert.Equal("12:00", (string?)body["breakStartTime"]);
        Assert.Equal("13:30", (string?)body["breakEndTime"]);
        Assert.Equal(3, (int)body["concurrencyQuota"]!);
        Assert.Equal(1, (int)body["smsType"]!);
        Assert.True((bool)body["repeatCall"]!);
        Assert.Equal(new[] { 2, 3, 5, 6, 7, 9, 10 }, body["repeatCallRule"]!.AsArray().Select(r => (int)r!["phoneStatus"]!));
        Assert.All(body["repeatCallRule"]!.AsArray(), r => Assert.Equal((2, 30), ((int)r!["times"]!, (int)r["interval"]!)));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)body["startDate"]);

        AssertSignedGet(h.Last("/task/getTaskDetail").Request, "companyId", "taskId");
        Assert.Equal(OutboundTaskStatus.New, task.Status);
        Assert.Equal(new[] { "09:00-12:00", "13:30-18:00" }, task.WorkingHours.Select(w => w.ToString()));
        Assert.Equal("12:00-13:30", Assert.Single(task.BreakHours).ToString());
        Assert.Equal(new[] { "101", "102" }, task.Lines);
        // Neither getTaskDetail nor getTasks reports the robot or the seats (docs/vendors/byrobot.md#quirk-unreported-fields).
        Assert.Null(task.RobotId);
        Assert.Null(task.Concurrency);
    }

    [Fact]
    public async Task CreateTask_WithThreeWindows_OrAnUnknownLine_FailsBeforeSending()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var three = Spec();
        three.WorkingHours = TaskInput.ParseWindows("WorkingHours", new[] { "08:00-10:00", "11:00-12:00", "14:00-18:00" });
        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CreateTaskAsync(three, None));
        Assert.Contains("-WorkingHours", error.Message);
        Assert.Contains("two windows", error.Message);
        var badLine = Spec();
        badLine.Lines = new[] { "999" };
        var line = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CreateTaskAsync(badLine, None));
        Assert.Contains("-Line '999'", line.Message);
        Assert.Empty(h.Requests("/task/createTask"));
    }

    [Fact]
    public async Task StartPauseStopDelete_PostTaskIdAsANumber_AndUnknownTaskIsNotFound()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(Spec(), None);
        foreach (var (path, act, expected) in new (string, Func<Task>, OutboundTaskStatus)[]
                 {
                     ("/task/start", () => h.Session.Client.StartTaskAsync(task.Id, None), OutboundTaskStatus.Starting),
                     ("/task/pause", () => h.Session.Client.PauseTaskAsync(task.Id, None), OutboundTaskStatus.Paused),
                     ("/task/stop", () => h.Session.Client.StopTaskAsync(task.Id, None), OutboundTaskStatus.Stopped),
                 })
        {
            await act();
            var (request, body) = h.Last(path);
            AssertSignedPost(request);
            Assert.Equal(System.Text.Json.JsonValueKind.Number, JsonValueKind(body!["taskId"]!));
            Assert.Equal(long.Parse(task.Id), (long)body["taskId"]!);
            Assert.Equal(expected, (await h.Session.Client.GetTaskAsync(task.Id, None)).Status);
        }

        await h.Session.Client.DeleteTaskAsync(task.Id, None);
        AssertSignedPost(h.Last("/task/delete").Request);
        var gone = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.GetTaskAsync(task.Id, None));
        Assert.Equal("OutboundPS.ByRobot.TaskNotFound", gone.ErrorId);
        var missing = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.StartTaskAsync("424242", None));
        Assert.Equal("OutboundPS.ByRobot.404", missing.ErrorId);
        Assert.Contains("资源未找到", missing.Message);
    }

    [Fact]
    public async Task Update_RestatesEveryRequiredField_SendsOneLineAsAnInt_AndRefusesARunningTask()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(Spec(), None);
        // No BYRobot answer reports a task's seats, and task/update must restate them: the client asks, not guesses.
        var unknownSeats = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.UpdateTaskAsync(new TaskUpdateSpec(task.Id) { Name = "改名" }, None));
        Assert.Equal("OutboundPS.InvalidArgument.Concurrency", unknownSeats.ErrorId);
        Assert.Empty(h.Requests("/task/update"));
        await h.Session.Client.UpdateTaskAsync(new TaskUpdateSpec(task.Id)
        {
            Name = "改名",
            Concurrency = 3,
            Line = new[] { "102" },
            WorkingHours = TaskInput.ParseWindows("WorkingHours", new[] { "10:00-19:00" }),
        }, None);

        var (request, body) = h.Last("/task/update");
        AssertSignedPost(request);
        Assert.Equal(3813, (long)body!["companyId"]!);
        Assert.Equal(long.Parse(task.Id), (long)body["taskId"]!);
        Assert.Equal("改名", (string?)body["taskName"]);
        Assert.Equal(2, (int)body["taskType"]!);
        Assert.Equal(102, (long)body["userPhoneIds"]!);
        Assert.Equal(0, (int)body["callType"]!);
        Assert.Equal(3, (int)body["concurrencyQuota"]!);
        Assert.True((bool)body["breakStartClose"]!);
        var updated = await h.Session.Client.GetTaskAsync(task.Id, None);
        Assert.Equal("改名", updated.Name);
        Assert.Equal(new[] { "10:00-19:00" }, updated.WorkingHours.Select(w => w.ToString()));

        await h.Session.Client.UpdateTaskAsync(new TaskUpdateSpec(task.Id) { Line = new[] { "101", "102" }, Concurrency = 3 }, None);
        Assert.Equal("101,102", (string?)h.Last("/task/update").Body!["userPhoneIds"]);

        await h.Session.Client.StartTaskAsync(task.Id, None);
        var before = h.Requests("/task/update").Count();
        var running = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.UpdateTaskAsync(new TaskUpdateSpec(task.Id) { Name = "x" }, None));
        Assert.Equal("OutboundPS.ByRobot.TaskRunning", running.ErrorId);
        Assert.Contains("Suspend-OutboundTask", running.Message);
        Assert.Equal(before, h.Requests("/task/update").Count());
    }

    [Fact]
    public async Task Import_PostsV2WithNamePhoneAndAPropertiesMap_AndReadsTheCounts()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(Spec(), None);
        var sink = await h.Session.Client.OpenImportAsync(task.Id, new CustomerColumns("Phone", "Name", new[] { "金额", "user_id" }), None);
        Assert.Equal((10_000, 500), (h.Session.Client.Descriptor.Limits.MaxBatchSize, h.Session.Client.Descriptor.Limits.DefaultBatchSize));
        var outcome = await sink.SendAsync(new[]
        {
            new CustomerRow(1, "13800138000", "张三", new[] { "888", "33542" }),
            new CustomerRow(2, "13800138001", "李四", new[] { "100", "33543" }),
        }, None);

        var (request, body) = h.Last("/openapi/v2/task/importTaskCustomer");
        AssertSignedPost(request);
        Assert.Equal(3813, (long)body!["companyId"]!);
        Assert.Equal(long.Parse(task.Id), (long)body["taskId"]!);
        var first = body["customerInfoList"]![0]!.AsObject();
        Assert.Equal(new[] { "name", "phone", "properties" }, first.Select(p => p.Key));
        Assert.Equal("张三", (string?)first["name"]);
        Assert.Equal("13800138000", (string?)first["phone"]);
        Assert.Equal("888", (string?)first["properties"]!["金额"]);
        Assert.Equal("33542", (string?)first["properties"]!["user_id"]);
        Assert.Equal(2, outcome.AcceptedCount);
        Assert.Equal("33542", h.Simulator.PropertiesOf(long.Parse(task.Id), "13800138000")!["user_id"]);
    }

    [Fact]
    public async Task Import_MissingSceneVariable_IsRefusedBeforeSending()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(Spec(), None);
        var error = await Assert.ThrowsAsync<OutboundException>(() =>
            h.Session.Client.OpenImportAsync(task.Id, new CustomerColumns("Phone", "Name", new[] { "备注" }), None));
        Assert.Contains("金额", error.Message);
        Assert.Empty(h.Requests("/importTaskCustomer"));
    }

    [Fact]
    public async Task Calls_UseTaskCallWithCustomerId_ElseSingleCallByMobile_WithAVariablesMap()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var log = new CollectingLog();
        using var scope = Diagnostics.OperationLog.Use(log);
        var columns = new CustomerColumns("Phone", "Name", new[] { "金额" });
        var byMobile = await h.Session.Client.CallAsync(new CallSpec("5001", columns, new[] { new CustomerRow(1, "13800138000", "张三", new[] { "888" }) }), None);
        var (request, body) = h.Last("/task/singleCallByMobile");
        AssertSignedPost(request);
        Assert.Equal("13800138000", (string?)body!["mobile"]);
        Assert.Equal(System.Text.Json.JsonValueKind.String, JsonValueKind(body["mobile"]!));
        Assert.Equal(3813, (long)body["companyId"]!);
        Assert.Equal("888", (string?)body["variables"]!["金额"]);
        Assert.Equal(5001, (long)body["robotDefId"]!);
        // The seed reads sceneId, later documents sceneDefId (docs/vendors/byrobot.md#quirk-scene-name-in-single-calls): both carry the scene.
        Assert.Equal((6001L, 6001L), ((long)body["sceneDefId"]!, (long)body["sceneId"]!));
        Assert.Equal(7001, (long)body["sceneRecordId"]!);
        Assert.Equal("张三", (string?)body["userName"]);
        Assert.NotNull(Assert.Single(byMobile).DataId);

        await h.Session.Client.CallAsync(new CallSpec("5002", new CustomerColumns("Phone", null, Array.Empty<string>()),
            new[] { new CustomerRow(1, "13800138000", null, Array.Empty<string>()) }) { CustomerId = "77" }, None);
        (request, body) = h.Last("/task/call");
        AssertSignedPost(request);
        Assert.Equal(77, (long)body!["customerId"]!);
        Assert.Equal((6002L, 6002L), ((long)body["sceneId"]!, (long)body["sceneDefId"]!));
        Assert.NotNull(body["variables"]);
        Assert.Empty(body["variables"]!.AsObject());
        // The endpoints are legacy: said once per session, not once per call.
        Assert.Single(log.Lines, l => l.StartsWith("WARNING: BYRobot's single-call endpoints", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TaskList_PagesAtOneHundred_WithStatusAndNameInTheQuery()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var first = await h.Session.Client.CreateTaskAsync(Spec(), None);
        await h.Session.Client.CreateTaskAsync(Spec(), None);
        await h.Session.Client.PauseTaskAsync(first.Id, None);
        await h.Session.Client.StopTaskAsync(first.Id, None);

        var stopped = await h.Session.Client.GetTaskPageAsync(new TaskFilter { Name = "催收", Status = new[] { OutboundTaskStatus.Stopped } }, 1, None);
        var get = h.Last("/task/getTasks").Request;
        AssertSignedGet(get, "companyId", "pageNum", "pageSize", "taskName", "status");
        Assert.Equal("100", get.Query["pageSize"]);
        Assert.Equal("6", get.Query["status"]);
        Assert.Equal(first.Id, Assert.Single(stopped.Tasks).Id);

        // SystemPaused is three codes: listed unfiltered and filtered page by page.
        var paused = await h.Session.Client.GetTaskPageAsync(new TaskFilter { Status = new[] { OutboundTaskStatus.SystemPaused } }, 1, None);
        Assert.DoesNotContain("status", h.Last("/task/getTasks").Request.Query.Keys);
        Assert.Empty(paused.Tasks);
        Assert.Equal(2, paused.Scanned);
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(JsonNode node) => node.GetValueKind();
}
