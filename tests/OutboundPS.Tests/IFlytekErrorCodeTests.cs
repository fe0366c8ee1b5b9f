using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Each endpoint's vendor error codes, over a real socket, mapped to ids, kinds and English meanings.</summary>
public sealed class IFlytekErrorCodeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string, int, OutboundErrorKind> ScriptedCodes => new()
    {
        { "/config/v1/query", 10002, OutboundErrorKind.PermissionDenied },
        { "/task/create", 200222, OutboundErrorKind.InvalidArgument },
        { "/task/insert", 200212, OutboundErrorKind.InvalidArgument },
        { "/task/start", 200209, OutboundErrorKind.QuotaExceeded },
        { "/task/pause", 3010101, OutboundErrorKind.InvalidOperation },
        { "/task/delete", 3010102, OutboundErrorKind.InvalidOperation },
        { "/task/query", 10005, OutboundErrorKind.InvalidArgument },
        { "/task/callout", 3030002, OutboundErrorKind.ResourceBusy },
    };

    [Theory]
    [MemberData(nameof(ScriptedCodes))]
    public async Task EveryEndpoint_MapsTheVendorsCodeToAStableErrorId(string path, int code, OutboundErrorKind kind)
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var client = h.Session.Client;
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "e", RobotId = "720", Lines = new[] { "055169101401" } }, None);
        var sink = await client.OpenImportAsync(task.Id, new CustomerColumns("Phone", "Name", Array.Empty<string>()), None);
        var row = new[] { new CustomerRow(1, "13800138000", "n", Array.Empty<string>()) };
        h.Simulator.Faults.FailNext(path, code);
        // A refused token is renewed once before the code is reported, so the renewed request must be refused too.
        if (code == 10002) h.Simulator.Faults.FailNext(path, code);

        Func<Task> call = path switch
        {
            "/config/v1/query" => () => client.GetLinesAsync(None),
            "/task/create" => () => client.CreateTaskAsync(new NewTaskSpec { Name = "e", RobotId = "720", Lines = new[] { "055169101401" } }, None),
            "/task/insert" => () => sink.SendAsync(row, None),
            "/task/start" => () => client.StartTaskAsync(task.Id, None),
            "/task/pause" => () => client.PauseTaskAsync(task.Id, None),
            "/task/delete" => () => client.DeleteTaskAsync(task.Id, None),
            "/task/query" => () => client.GetTaskAsync(task.Id, None),
            _ => () => client.CallAsync(new CallSpec("720", new CustomerColumns("Phone", "Name", Array.Empty<string>()), row) { Line = "055169101401" }, None),
        };

        var error = await Assert.ThrowsAsync<OutboundException>(call);
        Assert.Equal($"OutboundPS.IFlytek.{code}", error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(IFlytekVendor.Id, error.Vendor);
        Assert.Contains("模拟错误", error.Message);
        Assert.NotNull(error.RecommendedAction);
    }

    [Fact]
    public async Task Insert_OfMoreThanFiftyRows_IsRefusedWith200213()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "e", RobotId = "720", Lines = new[] { "055169101401" } }, None);
        var sink = await h.Session.Client.OpenImportAsync(task.Id, new CustomerColumns("Phone", "Name", Array.Empty<string>()), None);
        Assert.Equal(50, h.Session.Client.Descriptor.Limits.MaxBatchSize);
        var rows = Enumerable.Range(0, 51).Select(i => new CustomerRow(i + 1, $"1380000{i:0000}", "n", Array.Empty<string>())).ToArray();
        var error = await Assert.ThrowsAsync<OutboundException>(() => sink.SendAsync(rows, None));
        Assert.Equal("200213", error.VendorCode);
        Assert.Equal(OutboundErrorKind.LimitsExceeded, error.Kind);
        Assert.Empty(h.Simulator.PhonesOf(task.Id));
    }

    [Theory]
    [InlineData("12800000000")]
    [InlineData("138000000001")]
    [InlineData("1380000000x")]
    [InlineData("055169101401")]
    public async Task Simulator_RefusesAnInsertWhoseRowIsNotAMobile_With10005(string phone)
    {
        var simulator = new IFlytekSimulator("k", "s", new ManualClock(DateTimeOffset.UnixEpoch));
        using var http = new HttpClient(new SandboxHandler(simulator)) { BaseAddress = new Uri("https://www.xfyeta.com/") };
        async Task<JsonNode> Post(string path, string json) =>
            JsonNode.Parse(await (await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!;
        var token = (string)(await Post("openapi/oauth/v1/token", "{\"app_key\":\"k\",\"app_secret\":\"s\"}"))["result"]!["token"]!;
        var taskId = (string)(await Post($"openapi/outbound/v1/task/create?token={token}",
            "{\"task_name\":\"t\",\"line_num\":\"055169101401\",\"robot_id\":\"720\",\"time_begin\":1}"))["result"]!["task_id"]!;
        string Insert(string mobile) => "{\"task_id\":\"" + taskId + "\",\"call_column\":[\"客户手机号码\",\"姓名\"],\"call_list\":[[\"" + mobile + "\",\"王\"]]}";

        var refused = await Post($"openapi/outbound/v1/task/insert?token={token}", Insert(phone));
        Assert.Equal(10005, (int)refused["code"]!);
        Assert.Contains(phone, (string)refused["message"]!);
        Assert.Equal(0, (int)(await Post($"openapi/outbound/v1/task/insert?token={token}", Insert("13900000000")))["code"]!);
        Assert.Equal(new[] { "13900000000" }, simulator.PhonesOf(taskId));
    }

    [Fact]
    public async Task Simulator_RefusesPageSizesOverFifty_AndRequestsWithoutAToken()
    {
        var simulator = new IFlytekSimulator("k", "s", new ManualClock(DateTimeOffset.UnixEpoch));
        using var http = new HttpClient(new SandboxHandler(simulator)) { BaseAddress = new Uri("https://www.xfyeta.com/") };
        async Task<JsonNode> Post(string path, string json) =>
            JsonNode.Parse(await (await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!;

        Assert.Equal(10001, (int)(await Post("openapi/outbound/v1/task/query", "{}"))["code"]!);
        var token = (string)(await Post("openapi/oauth/v1/token", "{\"app_key\":\"k\",\"app_secret\":\"s\"}"))["result"]!["token"]!;
        Assert.Equal(10005, (int)(await Post($"openapi/outbound/v1/task/query?token={token}", "{\"page_size\":51,\"page_index\":1}"))["code"]!);
        Assert.Equal(0, (int)(await Post($"openapi/outbound/v1/task/query?token={token}", "{\"page_size\":50,\"page_index\":1}"))["code"]!);
        Assert.Equal(10005, (int)(await Post($"openapi/outbound/v1/task/create?token={token}",
            "{\"task_name\":\"t\",\"line_num\":\"055169101401\",\"robot_id\":\"720\",\"time_begin\":1,\"recall_count\":4}"))["code"]!);
    }
}
