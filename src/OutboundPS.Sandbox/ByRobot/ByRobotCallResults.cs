using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using OutboundPS.Sandbox.Pushes;

namespace OutboundPS.Sandbox.ByRobot;

/// <summary>
/// Call results of the BYRobot simulator (docs/vendors/byrobot.md#call-results): each dial becomes a call record, read
/// by queryDoneTaskPhones, notDialedCustomerList, phoneLogInfo and queryUnCallBack, and sent as a callback.
/// </summary>
public sealed partial class ByRobotSimulator
{
    /// <summary>Largest queryDoneTaskPhones and notDialedCustomerList pageSize.</summary>
    public const int CallPageLimit = 50;

    /// <summary>Largest callBack/queryUnCallBack pageSize.</summary>
    public const int CallbackPageLimit = 500;

    private static readonly PushRule Rule = new(
        "application/json;charset=utf-8",
        maxAttempts: 27,
        accepts: body => body == "success",
        // BYRobot publishes no reply timeout; 10 s of real time is the sandbox's choice.
        replyTimeout: TimeSpan.FromSeconds(10),
        intervals: new[] { 10.0, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200 }.Select(TimeSpan.FromSeconds).ToArray(),
        thereafter: TimeSpan.FromHours(2),
        intervalsOnSimulatedClock: true);

    /// <summary>Callbacks: the body text must be exactly "success"; 27 attempts at 10 s, 30 s, 1–10 min, 20 min, 30 min, 1 h, 2 h, then every 2 h (simulated clock).</summary>
    public override PushRule DeliveryRule => Rule;

    /// <summary>The callback bodies made for a task so far, in order: (dataType, raw JSON).</summary>
    public IReadOnlyList<(string DataType, string Body)> CallbacksOf(long taskId)
    {
        lock (Gate) return _tasks.TryGetValue(taskId, out var task) ? task.Callbacks.Select(c => (c.Module, c.Body)).ToArray() : Array.Empty<(string, string)>();
    }

    /// <summary>The callInstanceId of a task's customer (index from 0, arrival order): fixed from import, so not-dialled customers have it too.</summary>
    public static long CallInstanceIdOf(long taskId, int customerIndex) => taskId * 100_000_000L + customerIndex + 1;

    /// <summary>Turns the task's new dials into call records and callbacks; on completion, a JOB_INFO_RESULT.</summary>
    private void RecordCalls(ByRobotSandboxTask task, bool justFinished)
    {
        var attempts = task.Dialling.TakeAttempts();
        for (var i = 0; i < attempts.Count; i++)
        {
            var record = MakeRecord(task, attempts[i]);
            task.Records.Add(record);
            Callback(task, PushSender, "CALL_INSTANCE_RESULT", CallInstanceResult(record, jobFinished: justFinished && i == attempts.Count - 1),
                delivered: () => record.Callbacked = true);
        }

        if (justFinished) Callback(task, TaskStatusSender ?? PushSender, "JOB_INFO_RESULT", JobInfoResult(task), delivered: null);
    }

    private void Callback(ByRobotSandboxTask task, PushSender? sender, string dataType, JsonObject inner, Action? delivered)
    {
        var body = new JsonObject
        {
            ["code"] = 200,
            ["data"] = new JsonObject { ["dataType"] = dataType, ["data"] = inner },
            ["resultMsg"] = "成功",
            ["errorStackTrace"] = null,
        };
        var message = new PushMessage(dataType, JsonAnswer.Text(body), Clock.Now);
        if (delivered is not null)
            message.Delivered = _ =>
            {
                lock (Gate) delivered();
            };
        task.Callbacks.Add(message);
        sender?.Send(message);
    }

    private ByRobotCallRecord MakeRecord(ByRobotSandboxTask task, DialAttempt attempt)
    {
        var robot = _robots.First(r => r.Id == task.RobotDefId);
        var line = _phones.First(p => p.Id == task.UserPhoneIds[0]);
        var record = new ByRobotCallRecord(CallInstanceIdOf(task.Id, attempt.CustomerIndex), task, attempt)
        {
            Name = task.Names.TryGetValue(attempt.Phone, out var name) ? name : string.Empty,
            Properties = task.Properties.TryGetValue(attempt.Phone, out var properties) ? properties : new Dictionary<string, string>(),
            FinishStatus = FinishStatusOf(attempt.Phone),
            CallerPhone = line.Phone,
        };
        var ring = TimeSpan.FromSeconds(attempt.RingSeconds);
        record.Start = attempt.DialledAt;
        if (task.Blacklisted?.Invoke(attempt.Phone) == true)
        {
            // Not placed: no ring, no talk.
            record.FinishStatus = BlacklistedFinishStatus;
            record.End = attempt.DialledAt;
            return record;
        }

        if (!attempt.Answered)
        {
            record.End = attempt.DialledAt + ring;
            return record;
        }

        var level = IntentLevels[PhoneDigits.Levels.IndexOf(PhoneDigits.Intent(attempt.Phone))];
        record.Intent = level;
        if (attempt.Pick(1, 3) == 0) record.Tag = level.Alias <= 'B' ? (1, "有意向办理") : (2, "需再次联系");
        record.Start = attempt.DialledAt + ring;
        record.Duration = attempt.TalkSeconds;
        record.End = record.Start.AddSeconds(record.Duration);
        record.HangUp = attempt.Pick(3, 2);
        record.RecordingUrl = $"https://byrobot-sandbox.oss.invalid/luyin/{task.Id}/{record.CallInstanceId}.wav";
        var amount = record.Properties.TryGetValue("金额", out var value) ? value : null;
        var lines = new List<(bool, string, string?)>
        {
            (true, $"您好，请问是{(record.Name.Length > 0 ? record.Name : "机主")}吗？", null),
            (false, "是的，你说。", "肯定"),
            (true, robot.Name == "还款提醒" && amount is not null ? $"这里是还款提醒，您本期应还{amount}元，请按时还款。" : $"这里是{robot.Name}，耽误您一分钟可以吗？", null),
            (false, level.Alias <= 'B' ? "好的，没问题。" : "我现在不方便。", level.Alias <= 'B' ? "肯定" : "拒绝"),
        };
        var count = attempt.Turns;
        var slice = record.Duration * 1000 / count;
        for (var i = 0; i < count; i++) record.Utterances.Add((lines[i].Item1, lines[i].Item2, lines[i].Item3, i * slice, (i + 1) * slice - 200));
        return record;
    }

    private JsonObject CallInstanceResult(ByRobotCallRecord record, bool jobFinished)
    {
        var robotName = _robots.First(r => r.Id == record.Task.RobotDefId).Name;
        var scene = record.SceneInstance(robotName);
        scene["callUserId"] = 1;
        scene["callIndex"] = record.Attempt.CustomerIndex + 1;
        scene["industry"] = "1540384412_151_1";
        scene["corpName"] = _companies.First(c => c.Id == record.Task.CompanyId).Name;
        scene["cost"] = record.Duration == 0 ? 0 : (record.Duration + 59) / 60 * 10;
        scene["callbacked"] = 0;
        scene["gmtCreate"] = ByRobotCallRecord.Format(record.Start);
        scene["gmtModified"] = ByRobotCallRecord.Format(record.End);
        scene["propertiesMap"] = record.PropertiesObject();
        return new JsonObject
        {
            ["sceneInstance"] = scene,
            ["taskResult"] = record.CallbackTaskResult(),
            ["phoneLog"] = record.PhoneLog(forCallback: true),
            ["jobFinished"] = jobFinished,
            ["sign"] = null,
            ["dateTime"] = Clock.Now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture),
        };
    }

    private JsonObject JobInfoResult(ByRobotSandboxTask task) => new()
    {
        ["callJobId"] = task.Id,
        ["companyId"] = task.CompanyId,
        ["jobName"] = task.Name,
        ["jobType"] = task.TaskType,
        ["startDate"] = task.StartDate ?? task.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["endDate"] = Clock.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["workingStartTime"] = Seconds(task.WorkingStartTime),
        ["workingEndTime"] = Seconds(task.WorkingEndTime),
        ["breakStartTime"] = Seconds(task.BreakStartTime),
        ["breakEndTime"] = Seconds(task.BreakEndTime),
        ["status"] = task.Status,
        ["callType"] = task.CallType,
        ["robotDefId"] = task.RobotDefId,
        ["sceneDefId"] = task.SceneDefId,
        ["sceneRecordId"] = task.SceneRecordId,
        ["remark"] = task.Remark,
        ["smsType"] = 0,
        ["smsCondition"] = null,
        ["smsTemplateId"] = null,
        ["userId"] = 1,
        ["userName"] = "沙箱管理员",
    };

    /// <summary>B26: finished calls of a task, filtered; no companyId in the body, as documented.</summary>
    private SimulatedResponse DoneTaskPhones(JsonObject body)
    {
        if (body.Number("callJobId") is not { } taskId) return Fail(412, "参数错误: callJobId 必填");
        if (!PageOf(body.Number("pageNum"), body.Number("pageSize"), 10, CallPageLimit, out var page, out var refused)) return refused!;
        if (!_tasks.TryGetValue(taskId, out var task)) return Fail(404, "资源未找到");
        var wanted = (body["resultQueryList"] as JsonArray)?.OfType<JsonObject>().Select(q => (Name: q.Text("name"), Value: q.Text("value"))).ToArray()
            ?? Array.Empty<(string?, string?)>();
        // Each filter read once: a page of a large task is served without re-reading the body per record.
        var status = body.Number("finishStatus");
        var (durationLow, durationHigh) = (body.Number("durationLeft"), body.Number("durationRight"));
        var (roundsLow, roundsHigh) = (body.Number("chatRoundLeft"), body.Number("chatRoundRight"));
        var filtered = status is not null || durationLow is not null || durationHigh is not null || roundsLow is not null || roundsHigh is not null || wanted.Length > 0;
        var matches = !filtered ? task.Records : task.Records
            .Where(r => (status is null || r.FinishStatus == status) && (durationLow is null || r.Duration >= durationLow)
                && (durationHigh is null || r.Duration <= durationHigh) && (roundsLow is null || r.ChatRound >= roundsLow)
                && (roundsHigh is null || r.ChatRound <= roundsHigh)
                && wanted.All(w => r.Results().Any(x => x.Name == w.Name && x.Value == w.Value)))
            .ToList();
        return Success(Page(page, matches.Count, matches.Skip((page.Num - 1) * page.Size).Take(page.Size).Select(r => (JsonNode)r.DoneItem()), withSize: true));
    }

    /// <summary>B27: customers not dialled yet, each with the call instance it will become.</summary>
    private SimulatedResponse NotDialed(ByRobotSandboxTask task, JsonObject body)
    {
        if (!PageOf(body.Number("pageNum"), body.Number("pageSize"), 10, CallPageLimit, out var page, out var refused)) return refused!;
        var phones = task.Dialling.Phones;
        var first = Math.Min(task.Dialling.Dialled, phones.Count);
        var line = _phones.First(p => p.Id == task.UserPhoneIds[0]).Phone;
        var corp = _companies.First(c => c.Id == task.CompanyId).Name;
        // Read each number once: the task keeps them packed, so every read makes a string.
        var items = Enumerable.Range(first, phones.Count - first).Skip((page.Num - 1) * page.Size).Take(page.Size)
            .Select(i => (Index: i, Phone: phones[i])).Select(c => (JsonNode)new JsonObject
        {
            ["callInstanceId"] = CallInstanceIdOf(task.Id, c.Index),
            ["customerName"] = task.Names.TryGetValue(c.Phone, out var name) ? name : string.Empty,
            ["customerTelephone"] = c.Phone,
            ["status"] = 0,
            ["startTime"] = null,
            ["callerPhone"] = line,
            ["corpName"] = corp,
            ["calledTimes"] = 0,
        });
        return Success(Page(page, phones.Count - first, items, withSize: false));
    }

    /// <summary>B28: one call in full; an id the simulator never made gives 404.</summary>
    private SimulatedResponse PhoneLogInfo(SimulatedRequest request)
    {
        if (!long.TryParse(Query(request, "callInstanceId"), out var id)) return Fail(412, "参数错误: callInstanceId 必填");
        var index = id % 100_000_000L - 1;
        if (!_tasks.TryGetValue(id / 100_000_000L, out var task) || index < 0 || index >= task.Records.Count) return Fail(404, "资源未找到");
        var record = task.Records[(int)index];
        return Success(new JsonObject
        {
            ["phoneLog"] = record.PhoneLog(forCallback: false),
            ["sceneInstance"] = record.SceneInstance(_robots.First(r => r.Id == task.RobotDefId).Name),
            ["taskResult"] = record.TaskResult(),
        });
    }

    /// <summary>
    /// B29: outbound call records whose callback was never acknowledged. Without a push address none ever is, so every
    /// call is listed; callerTime (the dial time) must fall within startDate–endDate.
    /// </summary>
    private SimulatedResponse UnCallBacked(SimulatedRequest request, long company)
    {
        if (!int.TryParse(Query(request, "dataType"), out var dataType) || dataType is not (0 or 1)) return Fail(412, "参数错误: dataType 必填");
        if (!DateTime.TryParseExact(Query(request, "startDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateTime.TryParseExact(Query(request, "endDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            return Fail(412, "参数错误: startDate, endDate 必填 (yyyy-MM-dd)");
        if (!PageOf(Number(Query(request, "pageNum")), Number(Query(request, "pageSize")), 100, CallbackPageLimit, out var page, out var refused)) return refused!;
        long? job = long.TryParse(Query(request, "callJobId"), out var j) ? j : null;
        // Inbound calls (dataType 1) are not simulated: there are none to list.
        var matches = dataType == 1 ? new List<ByRobotCallRecord>() : _tasks.Values
            .Where(t => t.CompanyId == company && (job is null || t.Id == job))
            .SelectMany(t => t.Records)
            .Where(r => !r.Callbacked && r.Attempt.DialledAt.ToOffset(SandboxClock.China).Date is var day && day >= from && day <= to)
            .ToList();
        var items = matches.Skip((page.Num - 1) * page.Size).Take(page.Size).Select(r => (JsonNode)new JsonObject
        {
            ["customerTelephone"] = r.Phone,
            ["callInstanceId"] = r.CallInstanceId,
            ["callJobId"] = r.Task.Id,
            ["callerTime"] = ByRobotCallRecord.Format(r.Attempt.DialledAt),
        });
        return Success(Page(page, matches.Count, items, withSize: false));
    }

    private static long? Number(string? text) => long.TryParse(text, out var n) ? n : null;

    private static bool PageOf(long? num, long? size, int defaultSize, int limit, out (int Num, int Size) page, out SimulatedResponse? refused)
    {
        page = ((int)(num ?? 1), (int)(size ?? defaultSize));
        refused = page.Num < 1 || page.Size < 1 || page.Size > limit ? Fail(412, $"参数错误: pageSize 范围 1-{limit}") : null;
        return refused is null;
    }

    /// <summary>The page object; B26 documents `size` (items on this page), the task list, B27 and B29 do not.</summary>
    private static JsonObject Page((int Num, int Size) page, int total, IEnumerable<JsonNode> items, bool withSize)
    {
        var list = new JsonArray(items.ToArray());
        var result = new JsonObject { ["pageNum"] = page.Num, ["pageSize"] = page.Size };
        if (withSize) result["size"] = list.Count;
        result["total"] = total;
        result["pages"] = (total + page.Size - 1) / page.Size;
        result["list"] = list;
        return result;
    }
}
