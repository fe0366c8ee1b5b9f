using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace OutboundPS.Sandbox.ByRobot;

/// <summary>The BYRobot simulator's routes: one handler per documented endpoint (docs/vendors/byrobot.md#endpoints).</summary>
public sealed partial class ByRobotSimulator
{
    /// <inheritdoc />
    protected override SimulatedResponse Route(string path, SimulatedRequest request, JsonNode? tree, object? parsed)
    {
        var body = tree as JsonObject;
        var get = request.Method == "GET";
        if (BlacklistRoute(path, request, body, get) is { } blacklist) return blacklist;
        switch (path)
        {
            case "/openapi/v1/company/getCompanys" when get:
                return Success(new JsonArray(_companies.Select(c => (JsonNode)new JsonObject { ["companyName"] = c.Name, ["companyId"] = c.Id }).ToArray()));
            case "/openapi/v1/company/getPhones" when get:
                return WithCompany(request, _ => Success(new JsonArray(_phones.Select(Phone).ToArray())));
            case "/openapi/v1/company/getRobots" when get:
                return WithCompany(request, _ => Success(new JsonArray(_robots.Select(Robot).ToArray())));
            case "/openapi/v1/company/seat/statistics" when get:
                return WithCompany(request, SeatStatistics);
            case "/openapi/v1/sms/template/list" when get:
                return SmsTemplates(request);
            case "/openapi/v1/task/getSceneVariables" when get:
                return WithCompany(request, _ => long.TryParse(Query(request, "sceneDefId"), out var scene) && _sceneVariables.TryGetValue(scene, out var names)
                    ? Success(new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()))
                    : Fail(404, "资源未找到"));
            case "/openapi/v1/task/getTasks" when get:
                return WithCompany(request, company => Tasks(request, company));
            case "/openapi/v1/task/phoneLogInfo" when get:
                return PhoneLogInfo(request);
            case "/openapi/v1/callBack/queryUnCallBack" when get:
                return WithCompany(request, company => UnCallBacked(request, company));
            case "/openapi/v1/task/getTaskDetail" when get:
                return WithCompany(request, company => long.TryParse(Query(request, "taskId"), out var id) && _tasks.TryGetValue(id, out var task) && task.CompanyId == company
                    ? Success(Detail(task))
                    : Fail(404, "资源未找到"));
        }

        if (get || body is null) return Fail(412, "参数错误");
        return path switch
        {
            "/openapi/v1/task/createTask" => WithCompany(body, company => Create(company, body)),
            "/openapi/v1/task/start" => WithTask(body, Start),
            "/openapi/v1/task/pause" => WithTask(body, Pause),
            "/openapi/v1/task/stop" => WithTask(body, Stop),
            "/openapi/v1/task/delete" => WithTask(body, task =>
            {
                _tasks.Remove(task.Id);
                return Success(null, "删除成功");
            }),
            "/openapi/v1/task/update" => WithCompany(body, _ => WithTask(body, task => Update(task, body))),
            "/openapi/v2/task/importTaskCustomer" => WithCompany(body, _ => WithTask(body, task => Import(task, body, counts: true))),
            "/openapi/v1/task/importTaskCustomer" => WithCompany(body, _ => WithTask(body, task => Import(task, body, counts: false))),
            "/openapi/v1/task/queryDoneTaskPhones" => DoneTaskPhones(body),
            "/openapi/v1/task/notDialedCustomerList" => WithTask(body, task => NotDialed(task, body)),
            "/openapi/v1/task/call" => WithCompany(body, _ => Call(path, body, "customerId", "sceneId")),
            "/openapi/v1/task/singleCallByMobile" => WithCompany(body, _ => Call(path, body, null, "sceneDefId")),
            _ => NotFound(),
        };
    }

    private SimulatedResponse Create(long company, JsonObject body)
    {
        var name = body.Text("taskName");
        var type = body.Number("taskType");
        var robotId = body.Number("robotDefId");
        var callType = body.Number("callType");
        if (string.IsNullOrEmpty(name) || type is not (1 or 2) || robotId is null || callType is null || body["userPhoneIds"] is not JsonArray lineIds)
            return Fail(412, "参数错误: taskName, taskType, userPhoneIds, robotDefId, callType 必填");
        var robot = _robots.FirstOrDefault(r => r.Id == robotId);
        if (robot.Id == 0) return Fail(412, "参数错误: robotDefId");
        var lines = lineIds.Select(n => n is JsonValue v && v.TryGetValue<long>(out var id) ? id : -1).ToList();
        if (lines.Count == 0 || lines.Any(id => _phones.All(p => p.Id != id))) return Fail(412, "参数错误: userPhoneIds");
        if (type == 1 && body.Text("startDate") is null) return Fail(412, "参数错误: 定时任务需要 startDate");
        foreach (var field in new[] { "workingStartTime", "workingEndTime", "breakStartTime", "breakEndTime" })
            if (body.Text(field) is { } time && !ClockTime.IsMatch(time)) return Fail(412, $"参数错误: {field}");

        var task = new ByRobotSandboxTask(_nextTaskId++, company, Clock.Now)
        {
            Blacklisted = phone => Listed(company, phone),
            Name = name!,
            TaskType = (int)type.Value,
            StartDate = body.Text("startDate"),
            WorkingStartTime = body.Text("workingStartTime"),
            WorkingEndTime = body.Text("workingEndTime"),
            BreakStartTime = body.Text("breakStartTime"),
            BreakEndTime = body.Text("breakEndTime"),
            RobotDefId = robot.Id,
            SceneDefId = robot.Scene,
            SceneRecordId = body.Number("sceneRecordId"),
            CallType = (int)callType.Value,
            ConcurrencyQuota = (int)(body.Number("concurrencyQuota") ?? 1),
            Remark = body.Text("remark"),
            UserPhoneIds = lines,
        };
        _tasks[task.Id] = task;
        return Success(JsonValue.Create(task.Id), "操作成功");
    }

    private SimulatedResponse Start(ByRobotSandboxTask task)
    {
        if (task.Status is 2 or 6) return Fail(412, "任务已结束");
        if (!task.IsRunning) task.Start(Clock.Now);
        return Success(null, "启动成功");
    }

    private SimulatedResponse Pause(ByRobotSandboxTask task)
    {
        if (task.IsRunning) task.Status = 4;
        return Success(null, "暂停成功");
    }

    private SimulatedResponse Stop(ByRobotSandboxTask task)
    {
        if (task.Status != 2) task.Status = 6;
        return Success(null, "停止成功");
    }

    private SimulatedResponse Update(ByRobotSandboxTask task, JsonObject body)
    {
        if (task.IsRunning) return Fail(412, "任务运行中，不能修改");
        var name = body.Text("taskName");
        var type = body.Number("taskType");
        var callType = body.Number("callType");
        var seats = body.Number("concurrencyQuota");
        // userPhoneIds is an int here (current doc) or a "1,2" string for several lines (docs/vendors/byrobot.md#quirk-userphoneids-in-update).
        var lines = body["userPhoneIds"] is JsonValue value
            ? value.TryGetValue<long>(out var single) ? new List<long> { single }
            : value.TryGetValue<string>(out var text) ? text.Split(',').Select(t => long.TryParse(t, out var id) ? id : -1).ToList() : null
            : null;
        if (string.IsNullOrEmpty(name) || type is null || callType is null || seats is null || lines is null || lines.Any(id => _phones.All(p => p.Id != id)))
            return Fail(412, "参数错误: taskName, taskType, userPhoneIds, callType, concurrencyQuota 必填");
        task.Name = name!;
        task.TaskType = (int)type.Value;
        task.CallType = (int)callType.Value;
        task.ConcurrencyQuota = (int)seats.Value;
        task.UserPhoneIds = lines;
        if (body.Text("workingStartTime") is { } start) task.WorkingStartTime = start;
        if (body.Text("workingEndTime") is { } end) task.WorkingEndTime = end;
        if (body["breakStartClose"] is JsonValue close && close.TryGetValue<bool>(out var closed) && closed)
        {
            task.BreakStartTime = null;
            task.BreakEndTime = null;
        }
        else
        {
            task.BreakStartTime = body.Text("breakStartTime") ?? task.BreakStartTime;
            task.BreakEndTime = body.Text("breakEndTime") ?? task.BreakEndTime;
        }

        return Success(null, "修改成功");
    }

    /// <summary>Stores customers; a phone already in the task is a duplicate, one lacking a script variable (or its value) a placeholder failure.</summary>
    private SimulatedResponse Import(ByRobotSandboxTask task, JsonObject body, bool counts)
    {
        if (body["customerInfoList"] is not JsonArray customers) return Fail(412, "参数错误: customerInfoList 必填");
        if (customers.Count > ImportLimit) return Fail(412, "参数错误: 单次最多导入10000个客户");
        var required = _sceneVariables.TryGetValue(task.SceneDefId, out var names) ? names.Where(n => n is not ("客户名称" or "联系方式")).ToArray() : Array.Empty<string>();
        int success = 0, repeat = 0, placeFail = 0;
        foreach (var node in customers)
        {
            var customer = node as JsonObject;
            var phone = customer?.Text("phone");
            var properties = (customer?["properties"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? string.Empty)
                ?? new Dictionary<string, string>();
            if (phone is null || !ValidPhone.IsMatch(phone) || string.IsNullOrEmpty(customer?.Text("name")) || required.Any(r => !properties.TryGetValue(r, out var value) || string.IsNullOrEmpty(value)))
                placeFail++;
            else if (Lean)
            {
                task.Dialling.Count(1);
                success++;
            }
            else if (!task.Dialling.Add(phone))
                repeat++;
            else
            {
                task.Properties[phone] = properties;
                task.Names[phone] = customer!.Text("name")!;
                success++;
            }
        }

        CountStored(success);
        return counts
            ? Success(new JsonObject
            {
                ["msg"] = $"本次导入：{customers.Count}个客户，成功{success}个，重复{repeat}个，变量错误{placeFail}个",
                ["successNum"] = success,
                ["repeatNum"] = repeat,
                ["placeFailNum"] = placeFail,
            }, "操作成功")
            : Success(null, "操作成功");
    }

    private SimulatedResponse Call(string path, JsonObject body, string? customerField, string sceneField)
    {
        var mobile = body["mobile"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : null;
        if (mobile is null || !ValidPhone.IsMatch(mobile)) return Fail(412, "参数错误: mobile");
        if (body.Number("robotDefId") is not { } robot || _robots.All(r => r.Id != robot)) return Fail(412, "参数错误: robotDefId");
        if (body["variables"] is not JsonObject) return Fail(412, "参数错误: variables 必填");
        if (customerField is not null && body.Number(customerField) is null) return Fail(412, $"参数错误: {customerField}");
        if (body.Number(sceneField) is null) return Fail(412, $"参数错误: {sceneField}");
        // A listed number is accepted as any other and never dialled: its result would come by callback as finishStatus 11.
        if (Listed(body.Number("companyId")!.Value, mobile)) BlockedCalls.Add((path, body));
        else if (RecordsHistory) Calls.Add((path, body));
        return Success(customerField is null ? JsonValue.Create(_nextCallId++) : null, "外呼成功");
    }

    private SimulatedResponse Tasks(SimulatedRequest request, long company)
    {
        var pageNum = int.TryParse(Query(request, "pageNum"), out var n) ? n : 1;
        var pageSize = int.TryParse(Query(request, "pageSize"), out var s) ? s : 10;
        if (pageNum < 1 || pageSize is < 1 or > PageLimit) return Fail(412, "参数错误: pageSize 最大100");
        var name = Query(request, "taskName");
        int? status = int.TryParse(Query(request, "status"), out var st) ? st : null;
        var matches = _tasks.Values.Where(t => t.CompanyId == company)
            .Where(t => name is null || t.Name.Contains(name))
            .Where(t => status is null || t.Status == status)
            .OrderByDescending(t => t.Id).ToList();
        return Success(Page((pageNum, pageSize), matches.Count, matches.Skip((pageNum - 1) * pageSize).Take(pageSize).Select(t => (JsonNode)Item(t)), withSize: false));
    }

    private JsonObject Item(ByRobotSandboxTask t) => new()
    {
        ["callJobId"] = t.Id,
        ["jobName"] = t.Name,
        ["jobType"] = t.TaskType,
        ["startDate"] = t.StartDate,
        ["workingStartTime"] = Seconds(t.WorkingStartTime),
        ["workingEndTime"] = Seconds(t.WorkingEndTime),
        ["breakStartTime"] = Seconds(t.BreakStartTime),
        ["breakEndTime"] = Seconds(t.BreakEndTime),
        ["status"] = t.Status,
        ["sceneDefId"] = t.SceneDefId,
        ["remark"] = t.Remark,
        ["totalCount"] = t.Dialling.Total,
        ["doneCount"] = t.Dialling.Dialled,
        ["calledCount"] = t.Dialling.Connected,
        ["sceneDefName"] = _robots.First(r => r.Scene == t.SceneDefId).Name,
        ["callPhones"] = new JsonArray(t.UserPhoneIds.Select(id => (JsonNode)new JsonObject
        {
            ["jobPhoneId"] = t.Id * 100 + id,
            ["userPhoneId"] = id,
            ["callJobId"] = t.Id,
            ["phone"] = _phones.First(p => p.Id == id).Phone,
            ["phoneName"] = _phones.First(p => p.Id == id).Name,
        }).ToArray()),
    };

    /// <summary>getTaskDetail: the list item plus B25's names; like the vendor, it reports neither robotDefId nor the seats.</summary>
    private JsonObject Detail(ByRobotSandboxTask t)
    {
        var item = Item(t);
        var robot = _robots.First(r => r.Id == t.RobotDefId);
        item["robotDefName"] = robot.Name;
        item["sceneRecordName"] = robot.Records.FirstOrDefault(r => r.Id == t.SceneRecordId).Name ?? robot.Records[0].Name;
        return item;
    }

    /// <summary>Times go in as HH:mm and come back as HH:mm:ss (docs/vendors/byrobot.md#ids-numbers-and-times).</summary>
    private static string? Seconds(string? time) => time is { Length: 5 } ? time + ":00" : time;

    private static JsonNode Phone((long Id, string Phone, string Name, int Type, int? Quota) p) => new JsonObject
    {
        ["userPhoneId"] = p.Id,
        ["callerAccountId"] = null,
        ["phone"] = p.Phone,
        ["phoneName"] = p.Name,
        ["phoneType"] = p.Type,
        ["available"] = true,
        ["useAvailable"] = true,
        ["totalConcurrencyQuota"] = p.Quota,
        ["usedConcurrencyQuota"] = 0,
        ["billPeriod"] = 60,
        ["validityBegin"] = "2026-01-01 00:00:00",
        ["validityEnd"] = "2027-12-31 23:59:59",
        ["sceneType"] = 3,
    };

    private static JsonNode Robot((long Id, string Name, long Scene, (long Id, string Name)[] Records) r) => new JsonObject
    {
        ["robotDefId"] = r.Id,
        ["robotName"] = r.Name,
        ["sceneDefId"] = r.Scene,
        ["sceneRecords"] = new JsonArray(r.Records.Select(x => (JsonNode)new JsonObject { ["sceneRecordId"] = x.Id, ["sceneRecordName"] = x.Name }).ToArray()),
        ["industryOneName"] = "金融",
        ["industryTwoName"] = "催收",
        ["gmtModify"] = "2026-06-01 10:00:00",
    };

    private SimulatedResponse WithCompany(SimulatedRequest request, Func<long, SimulatedResponse> action) =>
        CompanyCheck(long.TryParse(Query(request, "companyId"), out var id) ? id : null, action);

    private SimulatedResponse WithCompany(JsonObject body, Func<long, SimulatedResponse> action) => CompanyCheck(body.Number("companyId"), action);

    private SimulatedResponse CompanyCheck(long? company, Func<long, SimulatedResponse> action) =>
        company is null ? Fail(412, "参数错误: companyId 必填")
        : _companies.All(c => c.Id != company) ? Fail(403, "权限不足")
        : action(company.Value);

    /// <summary>taskId is a number (B-9: the delete doc says String, so a numeric string is accepted too).</summary>
    private SimulatedResponse WithTask(JsonObject body, Func<ByRobotSandboxTask, SimulatedResponse> action)
    {
        var id = body.Number("taskId") ?? (long.TryParse(body.Text("taskId"), out var parsed) ? parsed : null);
        return id is { } value && _tasks.TryGetValue(value, out var task) ? action(task) : Fail(404, "资源未找到");
    }

    private static string? Query(SimulatedRequest request, string name) => request.Query.TryGetValue(name, out var value) ? value : null;

    private static SimulatedResponse Success(JsonNode? data, string message = "获取成功") =>
        JsonAnswer.Ok(new JsonObject { ["code"] = 200, ["data"] = data, ["resultMsg"] = message, ["errorStackTrace"] = null, ["requestId"] = null });

    private static SimulatedResponse Fail(int code, string message) =>
        JsonAnswer.Ok(new JsonObject { ["code"] = code, ["data"] = null, ["resultMsg"] = message, ["errorStackTrace"] = null });
}
