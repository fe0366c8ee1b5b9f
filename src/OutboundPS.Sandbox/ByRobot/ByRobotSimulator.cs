using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutboundPS.Sandbox.ByRobot;

/// <summary>
/// A faithful-enough BYRobot backend (docs/vendors/byrobot.md#what-the-sandbox-simulates): signed headers checked as the
/// vendor does (401 bad signature, 408 datetime more than 3 minutes off), the {code:200, data, resultMsg} envelope,
/// page-size and import limits, companies, lines, robots, tasks and customers, dialling on the simulated clock. Its
/// routes are in ByRobotRoutes.cs; faults and lost answers are SimulatorBase's.
/// </summary>
public sealed partial class ByRobotSimulator : SimulatorBase
{
    /// <summary>Largest getTasks pageSize.</summary>
    public const int PageLimit = 100;

    /// <summary>Customers per importTaskCustomer call.</summary>
    public const int ImportLimit = 10_000;

    /// <summary>The sandbox company.</summary>
    public const long Company = 3813;

    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(3);
    private static readonly Regex ClockTime = new(@"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$");
    private static readonly Regex ValidPhone = new(@"^(1[3-9]\d{9}|0[1-9]\d{8,10})$");

    private readonly string _appKey;
    private readonly string _appSecret;
    private readonly List<(long Id, string Name)> _companies = new() { (Company, "百应沙箱公司") };
    private readonly List<(long Id, string Phone, string Name, int Type, int? Quota)> _phones = new()
    {
        (101, "057188880001", "杭州固话", 1, null),
        (102, "13900001111", "手机线路", 0, 5),
    };
    private readonly List<(long Id, string Name, long Scene, (long Id, string Name)[] Records)> _robots = new()
    {
        (5001, "还款提醒", 6001, new[] { (7001L, "标准女声"), (7002L, "标准男声") }),
        (5002, "满意度回访", 6002, new[] { (7003L, "标准女声") }),
    };
    private readonly Dictionary<long, string[]> _sceneVariables = new() { [6001] = new[] { "客户名称", "金额" }, [6002] = new[] { "客户名称" } };
    private readonly Dictionary<long, ByRobotSandboxTask> _tasks = new();
    private long _nextTaskId = 10_001;
    private long _nextCallId = 900_001;

    /// <summary>Creates a simulator that accepts one app key and secret.</summary>
    public ByRobotSimulator(string appKey, string appSecret, SandboxClock clock)
        : base(clock)
    {
        _appKey = appKey;
        _appSecret = appSecret;
    }

    /// <summary>The real time signatures are checked against; tests move it to simulate a skewed client.</summary>
    public Func<DateTimeOffset> SignatureClock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Single calls placed: the endpoint and the body.</summary>
    public List<(string Path, JsonObject Body)> Calls { get; } = new();

    /// <summary>Adds another company bound to the app key.</summary>
    public void AddCompany(long id, string name)
    {
        lock (Gate) _companies.Add((id, name));
    }

    /// <summary>Puts a task into a status the platform sets on its own (9 line arrears, 10 SMS arrears, 8 AI expired).</summary>
    public void SetStatus(long taskId, int status)
    {
        lock (Gate) _tasks[taskId].Status = status;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> PhonesOf(string taskId) => PhonesOf(long.Parse(taskId, CultureInfo.InvariantCulture));

    /// <summary>The customers stored in a task, in arrival order.</summary>
    public IReadOnlyList<string> PhonesOf(long taskId)
    {
        lock (Gate) return _tasks.TryGetValue(taskId, out var task) ? task.Dialling.Phones.ToArray() : Array.Empty<string>();
    }

    /// <summary>The properties stored for a customer of a task.</summary>
    public IReadOnlyDictionary<string, string>? PropertiesOf(long taskId, string phone)
    {
        lock (Gate) return _tasks.TryGetValue(taskId, out var task) && task.Properties.TryGetValue(phone, out var p) ? p : null;
    }

    internal const string ImportPath = "/openapi/v2/task/importTaskCustomer";

    /// <summary>Lean mode counts import batches without a JSON tree, so a million-row benchmark measures the client.</summary>
    protected override SimulatedResponse? Shortcut(string path, SimulatedRequest request) =>
        Lean && path == ImportPath ? CountImport(request) : null;

    /// <inheritdoc />
    protected override (JsonNode? Tree, object? Parsed) Read(string path, SimulatedRequest request) => (JsonAnswer.ReadNode(request.Body), null);

    /// <summary>Every request carries the signed headers (docs/vendors/byrobot.md#signing).</summary>
    protected override SimulatedResponse? Admit(string path, SimulatedRequest request, JsonNode? tree, object? parsed) => Authenticate(request);

    /// <inheritdoc />
    protected override SimulatedResponse Refuse(int code, string message) => Fail(code, message);

    /// <summary>BYRobot's front door answers 503 before the service looks at the request.</summary>
    protected override SimulatedResponse Busy() => Html(503, "<html>503 Service Unavailable</html>");

    /// <inheritdoc />
    protected override void Advance()
    {
        foreach (var task in _tasks.Values)
        {
            var finished = task.Status == 2;
            task.Advance(Clock.Now);
            RecordCalls(task, justFinished: !finished && task.Status == 2);
        }
    }

    /// <summary>Lean mode's import: authenticated and counted, without building a tree of every customer.</summary>
    private SimulatedResponse CountImport(SimulatedRequest request)
    {
        long? taskId = null;
        var customers = 0;
        var reader = new System.Text.Json.Utf8JsonReader(request.Body);
        while (reader.Read())
        {
            if (reader.TokenType == System.Text.Json.JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("taskId"))
            {
                reader.Read();
                taskId = reader.GetInt64();
            }
            else if (reader.TokenType == System.Text.Json.JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                customers++;
                reader.Skip();
            }
        }

        lock (Gate)
        {
            if (Authenticate(request) is { } refused) return refused;
            if (taskId is not { } id || !_tasks.TryGetValue(id, out var task)) return Fail(404, "资源未找到");
            if (customers > ImportLimit) return Fail(412, "参数错误: 单次最多导入10000个客户");
            task.Dialling.Count(customers);
            return Success(new JsonObject { ["msg"] = $"本次导入：{customers}个客户", ["successNum"] = customers, ["repeatNum"] = 0, ["placeFailNum"] = 0 }, "操作成功");
        }
    }

    private SimulatedResponse? Authenticate(SimulatedRequest request)
    {
        request.Headers.TryGetValue("appkey", out var appKey);
        request.Headers.TryGetValue("datetime", out var dateTime);
        request.Headers.TryGetValue("sign", out var sign);
        if (appKey != _appKey || dateTime is null || sign is null) return Fail(401, "校验数据错误");
        if (!DateTimeOffset.TryParseExact(dateTime, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
            return Fail(401, "校验数据错误");
        if ((SignatureClock() - signedAt).Duration() > AllowedSkew) return Fail(408, "时间选择不对");
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(_appSecret));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(appKey + "\n" + dateTime)));
        return expected == sign ? null : Fail(401, "校验数据错误");
    }
}
