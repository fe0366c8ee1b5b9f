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

/// <summary>Every iFlytek endpoint through RestSharp to the simulator over a real loopback socket.</summary>
public sealed class IFlytekWireTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static JsonObject LastBody(SandboxHarness<IFlytekSimulator> h, string pathEnd) => h.Last(pathEnd).Body!;

    private static void AssertTokenInQuery(SandboxHarness<IFlytekSimulator> h, string pathEnd)
    {
        var request = h.Last(pathEnd).Request;
        Assert.Equal("POST", request.Method);
        Assert.Matches("^[0-9a-f]{32}$", request.Query["token"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
    }

    private static NewTaskSpec Spec(string robot = "719") => new()
    {
        Name = "回访",
        RobotId = robot,
        Lines = new[] { "055169101401", "055169101402" },
        WorkingHours = TaskInput.ParseWindows("WorkingHours", new[] { "09:00-12:00", "13:30-18:00" }),
        StartTime = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8)),
        RecallCount = 2,
        RecallInterval = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public async Task Token_PostsSnakeCaseCredentials_AndWrongSecretIsAuthenticationError()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var body = LastBody(h, "/oauth/v1/token");
        Assert.Equal(SandboxHarness.Key, (string?)body["app_key"]);
        Assert.Equal(SandboxHarness.Secret, (string?)body["app_secret"]);

        var error = await Assert.ThrowsAsync<OutboundException>(() => SandboxHarness.IFlytekAsync(overHttp: true, connectWith: "wrong-secret"));
        Assert.Equal("OutboundPS.IFlytek.200101", error.ErrorId);
        Assert.Equal(OutboundErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("账号或密码错误", error.Message);
    }

    [Fact]
    public async Task CreateTask_SendsDocumentedFields_AndReturnsTheQueriedTask()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(Spec(), None);

        var body = LastBody(h, "/task/create");
        Assert.Equal("回访", (string?)body["task_name"]);
        Assert.Equal("055169101401;055169101402", (string?)body["line_num"]);
        Assert.Equal("719", (string?)body["robot_id"]);
        Assert.Equal(2, (int?)body["recall_count"]);
        Assert.Equal(600, (long?)body["time_recall_wait"]);
        Assert.Equal(new[] { "09:00:00-12:00:00", "13:30:00-18:00:00" }, body["time_range"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), (long?)body["time_begin"]);
        AssertTokenInQuery(h, "/task/create");

        Assert.Equal(OutboundTaskStatus.New, task.Status);
        Assert.Equal(new[] { "055169101401", "055169101402" }, task.Lines);
        Assert.Equal("09:00-12:00", task.WorkingHours[0].ToString());
        Assert.Equal(TimeSpan.FromHours(8), task.StartTime!.Value.Offset);
    }

    [Fact]
    public async Task CreateTask_UnknownRobot_SurfacesVendorCodeAndEnglishMeaning()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CreateTaskAsync(Spec("999"), None));
        Assert.Equal("OutboundPS.IFlytek.200204", error.ErrorId);
        Assert.Equal("200204", error.VendorCode);
        Assert.Contains("错误的话术id", error.Message);
        Assert.Contains("wrong robot", error.Message);
        Assert.Equal(OutboundErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public async Task ConfigQuery_MapsLinesAndRobots_WithCamelCasePaging()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var lines = await h.Session.Client.GetLinesAsync(None);
        Assert.Equal(2, (int?)LastBody(h, "/config/v1/query")["type"]);
        Assert.Equal("055169101401", lines[0].Id);
        Assert.Equal(10, lines[0].Concurrency);
        Assert.False(lines[0].InUse);
        Assert.Null(lines[0].Expires);

        var robots = await h.Session.Client.GetRobotsAsync(None);
        var query = LastBody(h, "/config/v1/query");
        Assert.Equal(1, (int?)query["type"]);
        Assert.NotNull(query["pageSize"]);
        Assert.NotNull(query["pageIndex"]);
        Assert.Equal(new[] { "姓名", "金额" }, robots.Single(r => r.Id == "719").Variables);
        AssertTokenInQuery(h, "/config/v1/query");
    }

    [Fact]
    public async Task StartPauseDelete_PostTaskId_AndUnknownTaskIsNotFound()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(Spec(), None);

        await h.Session.Client.StartTaskAsync(task.Id, None);
        Assert.Equal(task.Id, (string?)LastBody(h, "/task/start")["task_id"]);
        AssertTokenInQuery(h, "/task/start");
        await h.Session.Client.PauseTaskAsync(task.Id, None);
        Assert.Equal(task.Id, (string?)LastBody(h, "/task/pause")["task_id"]);
        Assert.Equal(OutboundTaskStatus.Paused, (await h.Session.Client.GetTaskAsync(task.Id, None)).Status);
        await h.Session.Client.DeleteTaskAsync(task.Id, None);
        Assert.Equal(task.Id, (string?)LastBody(h, "/task/delete")["task_id"]);
        Assert.Equal(OutboundTaskStatus.Deleted, (await h.Session.Client.GetTaskAsync(task.Id, None)).Status);

        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.StartTaskAsync("404404", None));
        Assert.Equal("OutboundPS.IFlytek.200202", error.ErrorId);
        Assert.Equal(OutboundErrorKind.ObjectNotFound, error.Kind);
        var deleted = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.StartTaskAsync(task.Id, None));
        Assert.Equal("3010102", deleted.VendorCode);
    }

    [Fact]
    public async Task Query_SendsSnakeCasePaging_FiltersByStatus_AndPageSizeIsCapped()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var first = await h.Session.Client.CreateTaskAsync(Spec(), None);
        await h.Session.Client.CreateTaskAsync(Spec(), None);
        await h.Session.Client.PauseTaskAsync(first.Id, None);
        await h.Session.Client.StartTaskAsync(first.Id, None);

        var page = await h.Session.Client.GetTaskPageAsync(new TaskFilter { Status = new[] { OutboundTaskStatus.Starting, OutboundTaskStatus.Running } }, 1, None);
        var body = LastBody(h, "/task/query");
        Assert.Equal(50, (int?)body["page_size"]);
        Assert.Equal(1, (int?)body["page_index"]);
        Assert.Equal(new[] { 1, 2 }, body["task_status_list"]!.AsArray().Select(n => (int)n!));
        Assert.True((bool?)body["show_remaining"]);
        Assert.Equal(first.Id, Assert.Single(page.Tasks).Id);
        AssertTokenInQuery(h, "/task/query");
    }

    [Fact]
    public async Task Insert_SendsCallColumnFromRobotTemplate_AndMapsDataIds()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(Spec(), None);
        var sink = await h.Session.Client.OpenImportAsync(task.Id, new CustomerColumns("手机号", "姓名", new[] { "金额" }), None);
        var outcome = await sink.SendAsync(new[] { new CustomerRow(1, "13800138000", "张三", new[] { "100" }) }, None);

        var body = LastBody(h, "/task/insert");
        Assert.Equal(task.Id, (string?)body["task_id"]);
        Assert.Equal(new[] { "客户手机号码", "姓名", "金额" }, body["call_column"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(new[] { "13800138000", "张三", "100" }, body["call_list"]![0]!.AsArray().Select(n => (string?)n));
        AssertTokenInQuery(h, "/task/insert");
        Assert.Matches(@"^\d{18}$", Assert.Single(outcome.DataIds!).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await h.Session.Client.StartTaskAsync(task.Id, None);
        var late = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.OpenImportAsync(task.Id, new CustomerColumns("手机号", "姓名", new[] { "金额" }), None));
        Assert.Equal("OutboundPS.IFlytek.TaskAlreadyStarted", late.ErrorId);
    }

    [Fact]
    public async Task Callout_SendsRobotLineAndRows_AndReturnsOneResultPerNumber()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var columns = new CustomerColumns("Phone", "Name", Array.Empty<string>());
        var calls = await h.Session.Client.CallAsync(new CallSpec("720", columns, new[]
        {
            new CustomerRow(1, "13800138000", "张三", Array.Empty<string>()),
            new CustomerRow(2, "13900139000", "李四", Array.Empty<string>()),
        }) { Line = "055169101401", Voice = "60030" }, None);

        var body = LastBody(h, "/task/callout");
        Assert.Equal("720", (string?)body["robot_id"]);
        Assert.Equal("055169101401", (string?)body["line_num"]);
        Assert.Equal("60030", (string?)body["voice_code"]);
        Assert.Equal(new[] { "客户手机号码", "姓名" }, body["call_column"]!.AsArray().Select(n => (string?)n));
        AssertTokenInQuery(h, "/task/callout");
        Assert.Equal(new[] { "13800138000", "13900139000" }, calls.Select(c => c.Phone));
        Assert.All(calls, c => Assert.NotNull(c.DataId));

        var badLine = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CallAsync(
            new CallSpec("720", columns, new[] { new CustomerRow(1, "13800138000", "张三", Array.Empty<string>()) }) { Line = "000" }, None));
        Assert.Equal("200203", badLine.VendorCode);
    }

    [Fact]
    public async Task InvalidToken_IsRefreshedOnceTransparently()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var issued = h.Simulator.TokensIssued;
        h.Simulator.RevokeTokens();
        var lines = await h.Session.Client.GetLinesAsync(None);
        Assert.NotEmpty(lines);
        Assert.Equal(issued + 1, h.Simulator.TokensIssued);
    }

    [Fact]
    public async Task HtmlErrorPage_OnAWrite_IsAClearErrorQuotingStatusAndBody()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(Spec(), None);
        h.Simulator.Faults.AnswerNextWith("<html><body>502 Bad Gateway</body></html>");
        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.StartTaskAsync(task.Id, None));
        Assert.Equal("OutboundPS.IFlytek.UnreadableAnswer", error.ErrorId);
        Assert.Contains("HTTP 502", error.Message);
        Assert.Contains("502 Bad Gateway", error.Message);
        Assert.Single(h.Requests("/task/start"));
    }

    [Fact]
    public async Task HtmlErrorPage_OnARead_IsRetried()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        h.Simulator.Faults.AnswerNextWith("<html><body>502 Bad Gateway</body></html>");
        Assert.NotEmpty(await h.Session.Client.GetLinesAsync(None));
        Assert.Equal(2, h.Requests("/config/v1/query").Count());
    }

    [Fact]
    public async Task BusyCode_IsRetriedWithBackoff()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        h.Simulator.Faults.FailNext("/task/query", 10004);
        var page = await h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None);
        Assert.Equal(2, h.Requests("/task/query").Count());
        Assert.Empty(page.Tasks);
    }
}
