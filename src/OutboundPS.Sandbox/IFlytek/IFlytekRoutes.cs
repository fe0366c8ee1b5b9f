using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>The yeta simulator's routes: one handler per documented endpoint (docs/vendors/iflytek.md#endpoints).</summary>
public sealed partial class IFlytekSimulator
{
    private const string TokenPath = "/openapi/oauth/v1/token";
    internal const string InsertPath = "/openapi/outbound/v1/task/insert";
    private const string CalloutPath = "/openapi/outbound/v1/task/callout";

    /// <inheritdoc />
    protected override SimulatedResponse Route(string path, SimulatedRequest request, JsonNode? tree, object? parsed)
    {
        if (path.StartsWith(DownloadRoot, StringComparison.Ordinal)) return Download(path.Substring(DownloadRoot.Length));
        if (parsed is YetaRowsRequest rows) return path == InsertPath ? Insert(rows) : Callout(rows);
        if (tree is not JsonObject body) return Fail(10005, "输入参数不正确");
        return path switch
        {
            "/openapi/config/v1/query" => Config(body),
            "/openapi/outbound/v1/task/create" => Create(body),
            "/openapi/outbound/v1/task/start" => Control(body, Start),
            "/openapi/outbound/v1/task/pause" => Control(body, Pause),
            "/openapi/outbound/v1/task/delete" => Control(body, Delete),
            "/openapi/outbound/v1/task/query" => Query(body),
            "/openapi/download/v1/push/failed" => FailedPushes(body),
            _ => NotFound(),
        };
    }

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

        if (type is 0 or 4)
            result["voices"] = new JsonArray(Voices.Select(v => (JsonNode)new JsonObject { ["voice_code"] = v.Code, ["voice_name"] = v.Name }).ToArray());
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

    /// <summary>
    /// The first column of a row must be a mobile: 1, then 3-9, then nine more ASCII digits; a row that is not fails the
    /// whole request. Checked by hand rather than by a regular expression: every imported row passes through here.
    /// </summary>
    private static bool IsMobile(string phone)
    {
        if (phone.Length != 11 || phone[0] != '1' || phone[1] < '3' || phone[1] > '9') return false;
        for (var i = 2; i < phone.Length; i++)
            if (phone[i] < '0' || phone[i] > '9') return false;
        return true;
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
            if (phone is null || !IsMobile(phone)) return Fail(10005, $"号码不合规: {phone}");
        }

        CountStored(rows.Count);
        var first = _nextDataId;
        _nextDataId += rows.Count;
        if (Lean) task.Dialling.Count(rows.Count);
        else
        {
            for (var i = 0; i < rows.Count; i++) task.Dialling.Phones.Add(rows[i].Phone!);
            task.Rows.Add(first, columns, body.Body, rows.Count);
        }

        if (RecordsHistory)
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
        // A long sandbox session need not hold the numbers, or the rows, of tasks it deleted.
        task.Dialling.Forget();
        task.Rows.Clear();
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
            // yeta sends these arrays as JSON text inside a string (docs/vendors/iflytek.md#quirk-json-in-strings).
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
