using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>
/// A faithful-enough yeta backend (vendor-api.md 1.2, 2.2): token auth, {code, message, result} envelopes,
/// the 50-row and page-size limits, insert only before start, and tasks that dial on the simulated clock.
/// </summary>
public sealed class IFlytekSimulator : IVendorSimulator
{
    /// <summary>Rows per insert or callout.</summary>
    public const int RowLimit = 50;

    /// <summary>Largest task/query page_size.</summary>
    public const int PageLimit = 50;

    // Windows are HH:mm:ss-HH:mm:ss with hours 00-23.
    private static readonly Regex Window = new(@"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d-([01]\d|2[0-3]):[0-5]\d:[0-5]\d$");

    // The first column of a row is the customer's mobile; a row that is not fails the whole request.
    private static readonly Regex Mobile = new(@"^1[3-9]\d{9}$");

    private readonly object _gate = new();
    private readonly string _appKey;
    private readonly string _appSecret;
    private readonly Dictionary<string, DateTimeOffset> _tokens = new();
    private readonly Dictionary<string, IFlytekSandboxTask> _tasks = new();
    private readonly List<(string LineNum, int Concurrents, string[] TimeWork)> _lines = new()
    {
        ("055169101401", 10, new[] { "08:00:00-21:00:00" }),
        ("055169101402", 10, new[] { "08:00:00-21:00:00" }),
    };
    private readonly List<(string Id, string Name, string[] Columns)> _robots = new()
    {
        ("719", "还款提醒", new[] { "客户手机号码", "姓名", "金额" }),
        ("720", "满意度回访", new[] { "客户手机号码", "姓名" }),
    };
    private long _nextTaskId = 7_000_001;
    private long _nextDataId = 180_000_000_000_000_001;
    private int _tokenCounter;
    private readonly Dictionary<string, long> _dataIds = new();

    /// <summary>Makes the tokens the simulator issues; tests use it to plant marker strings.</summary>
    public Func<int, string> TokenFactory { get; set; } = n => n.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>Creates a simulator that accepts one app key and secret.</summary>
    public IFlytekSimulator(string appKey, string appSecret, SandboxClock clock)
    {
        _appKey = appKey;
        _appSecret = appSecret;
        Clock = clock;
    }

    /// <summary>The simulated clock.</summary>
    public SandboxClock Clock { get; }

    /// <summary>Faults to inject.</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>Customers stored by requests whose answer was lost (dropped after processing, or stalled past the client).</summary>
    public int LostAnswers { get; private set; }

    private int _stored;

    /// <summary>Keeps no request history and counts customers instead of storing them, so benchmarks of a million rows measure the client.</summary>
    public bool Lean { get; set; }

    /// <summary>Records every request in <see cref="Received"/> for tests to inspect; the shared -Sandbox backends keep none.</summary>
    public bool KeepHistory { get; set; } = true;

    /// <summary>
    /// The path the API is served under: /openapi as on www.xfyeta.com, or the iFlytek mirror's
    /// /v1/service/v1/aicall. Requests outside it get the web server's 404 page.
    /// </summary>
    public string PathPrefix { get; set; } = "/openapi";

    /// <summary>Token lifetime the simulator grants (time_expire).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>Every request received, path first; lets tests see what crossed the wire.</summary>
    public List<(SimulatedRequest Request, JsonObject? Body)> Received { get; } = new();

    /// <summary>Tokens issued so far.</summary>
    public int TokensIssued => _tokenCounter;

    /// <summary>The customers stored in a task, in arrival order.</summary>
    public IReadOnlyList<string> PhonesOf(string taskId)
    {
        lock (_gate) return _tasks.TryGetValue(taskId, out var task) ? task.Dialling.Phones.ToArray() : Array.Empty<string>();
    }

    /// <summary>The task_data_id the simulator gave each stored phone.</summary>
    public IReadOnlyDictionary<string, long> DataIds
    {
        get
        {
            lock (_gate) return new Dictionary<string, long>(_dataIds);
        }
    }

    /// <summary>Invalidates every token, as if they had expired on the vendor's side.</summary>
    public void RevokeTokens()
    {
        lock (_gate) _tokens.Clear();
    }

    /// <inheritdoc />
    public SimulatedResponse Handle(SimulatedRequest request)
    {
        // Routes below name the documented /openapi layout; another prefix is mapped onto it.
        if (!request.Path.StartsWith(PathPrefix + "/", StringComparison.Ordinal))
            return new SimulatedResponse(404, Encoding.UTF8.GetBytes("<html><body>404 Not Found</body></html>"), "text/html");
        var path = "/openapi" + request.Path.Substring(PathPrefix.Length);
        // Import batches are read without a JSON tree; tests that keep the history still see the whole body.
        var rows = path is InsertPath or CalloutPath ? YetaRowsRequest.Read(request.Body) : null;
        var body = rows is null || KeepHistory ? JsonAnswer.ReadObject(request.Body) : null;
        lock (_gate)
        {
            if (KeepHistory && !Lean) Received.Add((request, body));
            if (Faults.TakeHttpStatus(path) is { } status) return new SimulatedResponse(status, Encoding.UTF8.GetBytes("<html>busy</html>"), "text/html");
            if (Faults.TakeRawBody() is { } raw) return new SimulatedResponse(502, Encoding.UTF8.GetBytes(raw), "text/html");
            if (request.Method != "POST") return Fail(10005, "请求方式错误");
            if (body is null && rows is null) return Fail(10005, "输入参数不正确");
            if (path == "/openapi/oauth/v1/token") return Token(body!);
            if (!request.Query.TryGetValue("token", out var token) || !_tokens.TryGetValue(token, out var expires) || Clock.Now >= expires)
                return Fail(10001, "无效的token请求");
            if (Faults.TakeScriptedCode(path) is { } code) return Fail(code, "模拟错误");
            var drop = Faults.TakeDrop(path);
            var fault = Faults.Roll(path);
            if (fault == RandomFault.Busy) return Fail(10004, "服务忙，请稍后再试");
            if (drop == false || fault == RandomFault.DropBefore) return SimulatedResponse.Dropped();
            if (fault == RandomFault.DropAfter) drop = true;
            var storedBefore = _stored;
            foreach (var task in _tasks.Values) task.Advance(Clock.Now);
            var answer = rows is not null ? RouteRows(path, rows) : Route(path, body!);
            if (drop == true || fault == RandomFault.Stall) LostAnswers += _stored - storedBefore;
            if (fault == RandomFault.Stall) answer.Delay = Faults.Stall;
            return drop == true ? SimulatedResponse.Dropped() : answer;
        }
    }

    private const string InsertPath = "/openapi/outbound/v1/task/insert";
    private const string CalloutPath = "/openapi/outbound/v1/task/callout";

    private SimulatedResponse RouteRows(string path, YetaRowsRequest rows) => path == InsertPath ? Insert(rows) : Callout(rows);

    private SimulatedResponse Route(string path, JsonObject body) =>
            path switch
            {
                "/openapi/config/v1/query" => Config(body),
                "/openapi/outbound/v1/task/create" => Create(body),
                InsertPath or CalloutPath => Fail(10005, "输入参数不正确"),
                "/openapi/outbound/v1/task/start" => Control(body, Start),
                "/openapi/outbound/v1/task/pause" => Control(body, Pause),
                "/openapi/outbound/v1/task/delete" => Control(body, Delete),
                "/openapi/outbound/v1/task/query" => Query(body),
                _ => new SimulatedResponse(404, Encoding.UTF8.GetBytes("<html><body>404 Not Found</body></html>"), "text/html"),
            };

    private SimulatedResponse Token(JsonObject body)
    {
        if (body.Text("app_key") != _appKey || body.Text("app_secret") != _appSecret) return Fail(200101, "账号或密码错误");
        var token = TokenFactory(++_tokenCounter);
        _tokens[token] = Clock.Now + TokenLifetime;
        return Success(new JsonObject { ["token"] = token, ["time_expire"] = (long)TokenLifetime.TotalSeconds });
    }

    private SimulatedResponse Config(JsonObject body)
    {
        var type = body.Number("type") ?? 0;
        var result = new JsonObject();
        if (type is 0 or 2)
            result["lines"] = new JsonArray(_lines.Select(l => (JsonNode)new JsonObject
            {
                ["line_num"] = l.LineNum,
                ["concurrents"] = l.Concurrents,
                ["time_work"] = new JsonArray(l.TimeWork.Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()),
                ["status"] = _tasks.Values.Any(t => !t.Deleted && t.Status is 1 or 2 && t.LineNum.Split(';').Contains(l.LineNum)) ? 1 : 0,
                ["time_apply"] = 1_600_000_000_000L,
                ["time_expire"] = -1,
                ["expired"] = 0,
            }).ToArray());
        if (type is 0 or 1)
        {
            var size = (int)(body.Number("pageSize") ?? _robots.Count);
            var index = (int)(body.Number("pageIndex") ?? 1);
            result["robotTotal"] = _robots.Count;
            result["robots"] = new JsonArray(_robots.Skip((index - 1) * size).Take(size).Select(r => (JsonNode)new JsonObject
            {
                ["robot_id"] = r.Id,
                ["robot_name"] = r.Name,
                ["call_column"] = new JsonArray(r.Columns.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
                ["status"] = 4,
                ["type"] = 1,
                ["deleted"] = 0,
            }).ToArray());
        }

        return Success(result);
    }

    private SimulatedResponse Create(JsonObject body)
    {
        var name = body.Text("task_name");
        var lineNum = body.Text("line_num");
        var robotId = body.Text("robot_id");
        var begin = body.Number("time_begin");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(lineNum) || string.IsNullOrEmpty(robotId) || begin is null)
            return Fail(10005, "输入参数不正确: task_name, line_num, robot_id, time_begin 必填");
        if (_robots.All(r => r.Id != robotId)) return Fail(200204, "错误的话术id");
        var lines = lineNum!.Split(';');
        if (lines.Any(l => _lines.All(known => known.LineNum != l))) return Fail(200203, "错误的外呼号码");
        var recall = body.Number("recall_count") ?? 0;
        if (recall is < 0 or > 3) return Fail(10005, "recall_count 最大为3");
        var ranges = (body["time_range"] as JsonArray)?.Select(n => n?.GetValue<string>() ?? string.Empty).ToArray() ?? Array.Empty<string>();
        if (ranges.Any(r => !Window.IsMatch(r))) return Fail(10005, "time_range 格式错误");

        var id = (_nextTaskId++).ToString(CultureInfo.InvariantCulture);
        var concurrency = _lines.Where(l => lines.Contains(l.LineNum)).Sum(l => l.Concurrents);
        _tasks[id] = new IFlytekSandboxTask(id, name!, robotId!, lineNum, concurrency, Clock.Now)
        {
            RecallCount = (int)recall,
            RecallWait = body.Number("time_recall_wait") ?? 0,
            TimeRange = ranges,
            TimeBegin = begin.Value,
            TimeEnd = body.Number("time_end"),
            VoiceCode = body.Text("voice_code"),
        };
        return Success(new JsonObject { ["task_id"] = id });
    }

    private SimulatedResponse Insert(YetaRowsRequest body)
    {
        if (!TryTask(body.TaskId, out var task, out var failure)) return failure!;
        if (task!.EverStarted) return Fail(10005, "任务已启动，不能再提交号码数据");
        return AddRows(body, task.RobotId, task);
    }

    private SimulatedResponse Callout(YetaRowsRequest body)
    {
        var robotId = body.RobotId;
        var lineNum = body.LineNum;
        if (_robots.All(r => r.Id != robotId)) return Fail(200204, "错误的话术id");
        if (_lines.All(l => l.LineNum != lineNum)) return Fail(200203, "错误的外呼号码");
        if (!_tasks.TryGetValue("pool", out var pool))
        {
            pool = new IFlytekSandboxTask("pool", "默认任务池", robotId!, lineNum!, 10, Clock.Now) { TaskType = 2 };
            _tasks["pool"] = pool;
            pool.Start(Clock.Now);
        }

        return AddRows(body, robotId!, pool);
    }

    /// <summary>Validates call_column against the robot's template and stores the rows; all or nothing.</summary>
    private SimulatedResponse AddRows(YetaRowsRequest body, string robotId, IFlytekSandboxTask task)
    {
        var columns = body.Columns;
        var rows = body.Rows;
        if (columns is null || rows is null) return Fail(10005, "call_column, call_list 必填");
        if (rows.Count > RowLimit) return Fail(200213, "上传的外呼数据量超过限制");
        var template = _robots.First(r => r.Id == robotId).Columns;
        if (columns.Count == 0 || columns[0] != template[0]
            || !new HashSet<string>(columns.Skip(1)).SetEquals(template.Skip(1)) || columns.Count != template.Length)
            return Fail(200212, "错误的数据，与话术动态信息不匹配");
        foreach (var (phone, width) in rows)
        {
            if (width != columns.Count) return Fail(10005, "call_list 每行列数须与 call_column 一致");
            if (phone is null || !Mobile.IsMatch(phone)) return Fail(10005, $"号码不合规: {phone}");
        }

        _stored += rows.Count;
        if (Lean) task.Dialling.Count(rows.Count);
        else foreach (var (phone, _) in rows) task.Dialling.Phones.Add(phone!);
        var first = _nextDataId;
        _nextDataId += rows.Count;
        if (KeepHistory && !Lean)
            for (var i = 0; i < rows.Count; i++) _dataIds[rows[i].Phone!] = first + i;
        return JsonAnswer.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", 0);
            writer.WriteString("message", "ok");
            writer.WriteStartObject("result");
            writer.WriteNumber("total", rows.Count);
            writer.WriteStartArray("task_data_ids");
            for (var i = 0; i < rows.Count; i++) writer.WriteNumberValue(first + i);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private SimulatedResponse Control(JsonObject body, Func<IFlytekSandboxTask, SimulatedResponse?> action)
    {
        if (!TryTask(body, out var task, out var failure)) return failure!;
        return action(task!) ?? Success(new JsonObject());
    }

    private SimulatedResponse? Start(IFlytekSandboxTask task)
    {
        if (task.Deleted) return Fail(3010102, "任务已经删除");
        if (task.Status == 4) return Fail(3010101, "任务已经完成");
        if (task.Status is 0 or 3) task.Start(Clock.Now);
        return null;
    }

    private SimulatedResponse? Pause(IFlytekSandboxTask task)
    {
        if (task.Deleted) return Fail(3010102, "任务已经删除");
        if (task.Status == 4) return Fail(3010101, "任务已经完成");
        if (task.Status is 1 or 2) task.Status = 3;
        return null;
    }

    private SimulatedResponse? Delete(IFlytekSandboxTask task)
    {
        if (task.Deleted) return Fail(3010102, "任务已经删除");
        task.Deleted = true;
        // A long sandbox session need not hold the numbers of tasks it deleted.
        task.Dialling.Forget();
        return null;
    }

    private SimulatedResponse Query(JsonObject body)
    {
        var size = body.Number("page_size") ?? 20;
        var index = body.Number("page_index") ?? 1;
        if (size is < 1 or > PageLimit) return Fail(10005, "page_size 最大为50");
        if (index < 1) return Fail(10005, "page_index 从1开始");
        var id = body.Text("task_id");
        var name = body.Text("task_name");
        var statuses = (body["task_status_list"] as JsonArray)?.Select(n => n!.GetValue<int>()).ToArray();
        var matches = _tasks.Values
            .Where(t => t.TaskType == 0)
            .Where(t => id is not null ? t.Id == id : !t.Deleted)
            .Where(t => name is null || t.Name.Contains(name))
            .Where(t => statuses is null || statuses.Length == 0 || statuses.Contains(t.Status))
            .OrderByDescending(t => t.Created).ThenByDescending(t => t.Id, StringComparer.Ordinal)
            .ToList();
        var showRemaining = body["show_remaining"] is JsonValue flag && flag.TryGetValue<bool>(out var b) && b;
        var rows = matches.Skip((int)((index - 1) * size)).Take((int)size).Select(t => (JsonNode)Row(t, showRemaining)).ToArray();
        return Success(new JsonObject { ["total_rows"] = matches.Count, ["rows"] = new JsonArray(rows) });
    }

    private static JsonObject Row(IFlytekSandboxTask t, bool showRemaining)
    {
        var row = new JsonObject
        {
            ["task_id"] = t.Id,
            ["task_name"] = t.Name,
            ["status"] = t.Status,
            ["task_type"] = t.TaskType,
            ["deleted"] = t.Deleted ? 1 : 0,
            ["time_task_start"] = t.Started ?? 0,
            ["time_task_finish"] = t.Finished ?? 0,
            ["process_count"] = t.Dialling.Dialled,
            ["process_tel_count"] = t.Dialling.Dialled,
            ["process_through_count"] = t.Dialling.Connected,
            ["process_through_rate"] = t.Dialling.Dialled == 0 ? 0.0 : Math.Round((double)t.Dialling.Connected / t.Dialling.Dialled, 4),
            ["count_tel"] = t.Dialling.Total,
            ["time_task_estimate_begin"] = t.TimeBegin,
            ["time_task_estimate_end"] = t.TimeEnd ?? 0,
            ["line_num"] = t.LineNum,
            ["robot_id"] = t.RobotId,
            ["voice_code"] = t.VoiceCode,
            ["count_max_recall"] = t.RecallCount,
            ["time_recall_wait"] = t.RecallWait,
            // yeta sends these arrays as JSON text inside a string (vendor-api.md Y-16).
            ["time_range"] = new JsonArray(t.TimeRange.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()).ToJsonString(),
        };
        if (showRemaining) row["remaining"] = t.Dialling.Total - t.Dialling.Dialled;
        return row;
    }

    private bool TryTask(JsonObject body, out IFlytekSandboxTask? task, out SimulatedResponse? failure) =>
        TryTask(body.Text("task_id"), out task, out failure);

    private bool TryTask(string? id, out IFlytekSandboxTask? task, out SimulatedResponse? failure)
    {
        failure = null;
        if (id is not null && _tasks.TryGetValue(id, out task) && task.TaskType == 0) return true;
        task = null;
        failure = Fail(200202, "错误的任务id");
        return false;
    }

    private static SimulatedResponse Success(JsonNode result) =>
        JsonAnswer.Ok(new JsonObject { ["code"] = 0, ["message"] = "ok", ["result"] = result });

    private static SimulatedResponse Fail(int code, string message) =>
        JsonAnswer.Ok(new JsonObject { ["code"] = code, ["message"] = message, ["result"] = null });
}
