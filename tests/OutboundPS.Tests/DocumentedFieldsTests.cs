using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.ByRobot;
using OutboundPS.IFlytek;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// The simulators answer only fields the vendors document (docs/vendors/byrobot.md#endpoints, docs/vendors/iflytek.md#endpoints), so
/// client code that needs an undocumented field fails here rather than against the real service.
/// </summary>
public sealed class DocumentedFieldsTests
{
    /// <summary>The fields a JSON object may carry, and the shape of those that hold objects or arrays of objects.</summary>
    private sealed class Shape
    {
        private readonly Dictionary<string, Shape?> _fields;

        private Shape(Dictionary<string, Shape?> fields) => _fields = fields;

        internal static Shape Of(params object[] fields)
        {
            var map = new Dictionary<string, Shape?>();
            foreach (var field in fields)
            {
                if (field is string name) map[name] = null;
                else
                {
                    var (key, shape) = ((string, Shape))field;
                    map[key] = shape;
                }
            }

            return new Shape(map);
        }

        internal void Check(JsonNode? node, string where, List<string> problems)
        {
            switch (node)
            {
                case JsonArray array:
                    foreach (var item in array) Check(item, where + "[]", problems);
                    break;
                case JsonObject json:
                    foreach (var (key, value) in json)
                    {
                        if (!_fields.TryGetValue(key, out var child)) problems.Add($"{where}.{key} is not documented");
                        else child?.Check(value, $"{where}.{key}", problems);
                    }

                    break;
            }
        }
    }

    private static (string, Shape) Field(string name, Shape shape) => (name, shape);

    private static Shape ByRobotEnvelope(Shape? data = null) =>
        Shape.Of("code", "resultMsg", "errorStackTrace", "requestId", data is null ? "data" : Field("data", data));

    private static Shape YetaEnvelope(Shape? result = null) => Shape.Of("code", "message", result is null ? "result" : Field("result", result));

    private static readonly Shape ByRobotCallPhone = Shape.Of("jobPhoneId", "userPhoneId", "callJobId", "phone", "phoneName");

    private static readonly string[] ByRobotTaskFields =
    {
        "callJobId", "jobName", "jobType", "startDate", "workingStartTime", "workingEndTime", "breakStartTime", "breakEndTime",
        "status", "sceneDefId", "remark", "totalCount", "doneCount", "calledCount", "rejectedCount", "unavailableCount",
        "fromUnavailableCount", "sceneDefName",
    };

    private static readonly Dictionary<string, Shape> ByRobotAnswers = new()
    {
        ["/openapi/v1/company/getCompanys"] = ByRobotEnvelope(Shape.Of("companyName", "companyId")),
        ["/openapi/v1/company/getPhones"] = ByRobotEnvelope(Shape.Of("userPhoneId", "callerAccountId", "phone", "account", "phoneName", "phoneType",
            "available", "useAvailable", "totalConcurrencyQuota", "usedConcurrencyQuota", "billPeriod", "validityBegin", "validityEnd", "sceneType")),
        ["/openapi/v1/company/getRobots"] = ByRobotEnvelope(Shape.Of("robotDefId", "robotName", "sceneDefId",
            Field("sceneRecords", Shape.Of("sceneRecordId", "sceneRecordName")), "industryOneName", "industryTwoName", "gmtModify")),
        ["/openapi/v1/company/seat/statistics"] = ByRobotEnvelope(Shape.Of("companyAllCallSeat", "companyUsingCallSeat")),
        ["/openapi/v1/sms/template/list"] = Shape.Of("code", "msg", "success", Field("data", Shape.Of("pageNum", "pageSize", "size", "orderBy", "startRow",
            "endRow", "total", "pages", Field("list", Shape.Of("smsTemplateId", "companyId", "name", "smsTemplateSignId", "type", "content", "status",
                "failReason", "smsTemplateSignName", "gmtCreate", "gmtModified"))))),
        ["/openapi/v1/company/addBlackList"] = ByRobotEnvelope(),
        ["/openapi/v1/company/blacklist/group/list"] = ByRobotEnvelope(Shape.Of("blacklistInfoGroupId", "name", "publicFlag", "remark")),
        ["/openapi/v1/company/blacklist/info/page"] = ByRobotEnvelope(Shape.Of("pageNum", "pageSize", "total",
            Field("list", Shape.Of("blacklistInfoId", "name", "mobile", "remark", "gmtCreate")))),
        ["/openapi/v1/company/blacklist/group/add"] = ByRobotEnvelope(),
        ["/openapi/v1/company/addBlackList/batch"] = ByRobotEnvelope(Shape.Of("requsetNum", "successNum")),
        ["/openapi/v1/company/blacklist/group/edit"] = ByRobotEnvelope(),
        ["/openapi/v1/company/blacklist/info/delete"] = ByRobotEnvelope(),
        ["/openapi/v1/company/blacklist/group/delete"] = ByRobotEnvelope(),
        ["/openapi/v1/task/getSceneVariables"] = ByRobotEnvelope(),
        ["/openapi/v1/task/createTask"] = ByRobotEnvelope(),
        ["/openapi/v1/task/getTasks"] = ByRobotEnvelope(Shape.Of("pageNum", "pageSize", "size", "total", "pages",
            Field("list", Shape.Of(ByRobotTaskFields.Cast<object>().Append(Field("callPhones", ByRobotCallPhone)).ToArray())))),
        ["/openapi/v1/task/getTaskDetail"] = ByRobotEnvelope(Shape.Of(ByRobotTaskFields.Cast<object>().Concat(new object[]
        {
            "robotDefName", "sceneRecordName", Field("durationStat", Shape.Of("name", "value")), Field("chatRoundStat", Shape.Of("name", "value")),
            Field("resultDefs", Shape.Of("name", "values")), Field("callPhones", ByRobotCallPhone), "extraStat",
        }).ToArray())),
        ["/openapi/v2/task/importTaskCustomer"] = ByRobotEnvelope(Shape.Of("msg", "successNum", "repeatNum", "placeFailNum")),
        ["/openapi/v1/task/update"] = ByRobotEnvelope(),
        ["/openapi/v1/task/start"] = ByRobotEnvelope(),
        ["/openapi/v1/task/pause"] = ByRobotEnvelope(),
        ["/openapi/v1/task/stop"] = ByRobotEnvelope(),
        ["/openapi/v1/task/delete"] = ByRobotEnvelope(),
        ["/openapi/v1/task/call"] = ByRobotEnvelope(),
        ["/openapi/v1/task/singleCallByMobile"] = ByRobotEnvelope(),
        ["/openapi/v1/task/queryDoneTaskPhones"] = ByRobotEnvelope(Shape.Of("pageNum", "pageSize", "size", "total", "pages", Field("list", Shape.Of(
            "callInstanceId", "sceneDefId", "callJobId", "customerTelephone", "customerName", "status", "finishStatus", "duration", "chatRound",
            "startTime", "endTime", "callerPhone", "luyinOssUrl", "secondaryCallTime", "secondaryCallTimes", "jobName",
            Field("resultList", Shape.Of("name", "value")))))),
        ["/openapi/v1/task/notDialedCustomerList"] = ByRobotEnvelope(Shape.Of("pageNum", "pageSize", "total", "pages", Field("list", Shape.Of(
            "callInstanceId", "customerName", "customerTelephone", "status", "startTime", "callerPhone", "corpName", "calledTimes")))),
        ["/openapi/v1/task/phoneLogInfo"] = ByRobotEnvelope(Shape.Of(
            Field("phoneLog", Shape.Of("luyinOssUrl", Field("phoneLogs", Shape.Of("sceneInstanceLogId", "sceneInstanceId", "speaker", "content",
                "userMean", "userMeanDetail", "aiUnknown", "startTime", "endTime")))),
            Field("sceneInstance", Shape.Of("callInstanceId", "companyId", "callJobId", "customerId", "customerTelephone", "customerName", "status",
                "finishStatus", "duration", "chatRound", "startTime", "endTime", "callerPhone", "luyinOssUrl", "userLuyinOssUrl", "properties",
                "handlePerson", "callType", "readStatus", "jobName", "robotDefId", "sceneDefId", "sceneRecordId", "trackResult", "hangUp",
                "secondaryCallTime", "secondaryCallTimes")),
            Field("taskResult", Shape.Of("sceneInstanceResultId", "companyId", "sceneInstanceId", "resultName", "resultValue", "resultDesc")))),
        ["/openapi/v1/callBack/queryUnCallBack"] = ByRobotEnvelope(Shape.Of("pageNum", "pageSize", "total", "pages",
            Field("list", Shape.Of("customerTelephone", "callInstanceId", "callJobId", "callerTime")))),
    };

    private static readonly Shape YetaTaskRow = Shape.Of("task_id", "task_name", "status", "task_type", "deleted", "time_task_start",
        "time_task_finish", "process_count", "process_tel_count", "process_through_count", "process_through_rate", "count_tel",
        "count_total_task", "count_recalled", "time_task_estimate_begin", "time_task_estimate_end", "line_num", "robot_id", "robot_name",
        "voice_code", "voice_speed", "count_max_recall", "status_recall", "time_recall_wait", "time_range", "intention_push", "remaining");

    private static readonly Dictionary<string, Shape> YetaAnswers = new()
    {
        ["/openapi/oauth/v1/token"] = YetaEnvelope(Shape.Of("token", "time_expire")),
        ["/openapi/config/v1/query"] = YetaEnvelope(Shape.Of(
            Field("lines", Shape.Of("line_num", "concurrents", "time_work", "status", "time_apply", "time_expire", "expired", "real_expiration_time")),
            "robotTotal",
            Field("robots", Shape.Of("robot_id", "robot_name", "call_column", "status", "type", "deleted", "time_create", "time_update")),
            Field("urls", Shape.Of("url", "url_module")),
            Field("voices", Shape.Of("voice_code", "voice_name")),
            Field("deletedRobots", Shape.Of("robot_id", "robot_name", "call_column", "status", "type", "deleted", "time_create", "time_update")))),
        ["/openapi/outbound/v1/task/create"] = YetaEnvelope(Shape.Of("task_id")),
        ["/openapi/outbound/v1/task/insert"] = YetaEnvelope(Shape.Of("total", "task_data_ids")),
        ["/openapi/outbound/v1/task/callout"] = YetaEnvelope(Shape.Of("total", "task_data_ids")),
        ["/openapi/outbound/v1/task/start"] = YetaEnvelope(Shape.Of()),
        ["/openapi/outbound/v1/task/pause"] = YetaEnvelope(Shape.Of()),
        ["/openapi/outbound/v1/task/delete"] = YetaEnvelope(Shape.Of()),
        ["/openapi/outbound/v1/task/query"] = YetaEnvelope(Shape.Of("total_rows", Field("rows", YetaTaskRow))),
        ["/openapi/download/v1/push/failed"] = YetaEnvelope(Shape.Of("url")),
    };

    /// <summary>Passes requests to a simulator and keeps every answer it gives.</summary>
    private sealed class RecordingSimulator : IVendorSimulator
    {
        private readonly IVendorSimulator _inner;

        internal RecordingSimulator(IVendorSimulator inner) => _inner = inner;

        internal ConcurrentQueue<(string Path, byte[] Body)> Answers { get; } = new();

        public SandboxFaults Faults => _inner.Faults;

        public SimulatedResponse Handle(SimulatedRequest request)
        {
            var answer = _inner.Handle(request);
            Answers.Enqueue((request.Path, answer.Body));
            return answer;
        }
    }

    private static void AssertDocumented(RecordingSimulator recorder, Dictionary<string, Shape> documented)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>();
        foreach (var (path, body) in recorder.Answers)
        {
            Assert.True(documented.TryGetValue(path, out var shape), $"no documented answer for {path}");
            seen.Add(path);
            shape!.Check(JsonNode.Parse(body), path, problems);
        }

        Assert.Empty(problems);
        // Every documented endpoint the client uses was exercised.
        Assert.Equal(documented.Keys.OrderBy(k => k), seen.OrderBy(k => k));
    }

    private static DictionaryInputRow Row(string phone, string name, string amount) =>
        SandboxHarness.Row(("手机号码", phone), ("姓名", name), ("金额", amount));

    [Fact]
    public async Task ByRobotSimulator_AnswersOnlyDocumentedFields_OnEveryEndpointTheClientUses()
    {
        RecordingSimulator recorder = null!;
        await using var connection = await SandboxHarness.ForVendorAsync("ByRobot", wrap: simulator => recorder = new RecordingSimulator(simulator));
        var client = connection.Session.Client;
        var none = CancellationToken.None;
        await client.GetLinesAsync(none);
        await client.GetRobotsAsync(none);
        await client.GetSeatsAsync(none);
        Assert.NotEmpty((await client.GetSmsTemplatePageAsync(null, 1, none)).Templates);
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "documented", RobotId = "5001", Lines = new[] { "101" } }, none);
        await client.GetTaskPageAsync(new TaskFilter(), 1, none);
        await client.UpdateTaskAsync(new TaskUpdateSpec(task.Id) { Name = "documented 2", Concurrency = 2 }, none);
        var import = new CustomerImport(connection.Session, task.Id, new ImportOptions());
        await import.AddAsync(Row("13800138000", "张三", "100"), null, none);
        await import.CompleteAsync(none);
        await client.StartTaskAsync(task.Id, none);
        connection.Clock.Advance(TimeSpan.FromMinutes(5));
        var finished = await client.GetFinishedCallsAsync(new CallRecordFilter(task.Id), 1, none);
        await client.GetCallAsync(Assert.Single(finished.Records).CallId!, none);
        await client.GetPendingCallsAsync(task.Id, 1, none);
        await client.GetMissedCallbacksAsync(null, connection.Clock.Now.Date, connection.Clock.Now.Date, 1, none);
        await client.PauseTaskAsync(task.Id, none);
        await client.StopTaskAsync(task.Id, none);
        var columns = new CustomerColumns("Phone", "Name", Array.Empty<string>());
        await client.CallAsync(new CallSpec("5002", columns, new[] { new CustomerRow(1, "13800138001", "李四", Array.Empty<string>()) }), none);
        await client.CallAsync(new CallSpec("5002", columns, new[] { new CustomerRow(1, "13800138002", "王五", Array.Empty<string>()) }) { CustomerId = "42" }, none);
        await client.DeleteTaskAsync(task.Id, none);
        var lists = client.Blocklists;
        Assert.Equal("13800138003", await lists.AddToDefaultListAsync(new BlocklistNumberSpec("13800138003", "赵六", null), none) is not null ? "13800138003" : null);
        var list = await lists.NewListAsync("documented", "备注", none);
        Assert.Equal(2, (await lists.AddNumbersAsync(list.Id, new[] { new BlocklistNumberSpec("13800138004", "钱七", "投诉"), new BlocklistNumberSpec("13800138005", "孙八", null) }, none)).Stored);
        Assert.Equal(2, (await lists.GetListsAsync(none)).Count);
        Assert.Equal(2, (await lists.GetNumberPageAsync(list.Id, 1, none)).Numbers.Count);
        await lists.SetListAsync(list.Id, "documented 2", null, none);
        Assert.True(await lists.RemoveNumberAsync(list.Id, "13800138004", none));
        await Assert.ThrowsAsync<OutboundException>(() => lists.RemoveListAsync(list.Id, none));
        Assert.True(await lists.RemoveNumberAsync(list.Id, "13800138005", none));
        await lists.RemoveListAsync(list.Id, none);

        AssertDocumented(recorder, ByRobotAnswers);
    }

    [Fact]
    public async Task IFlytekSimulator_AnswersOnlyDocumentedFields_OnEveryEndpointTheClientUses()
    {
        RecordingSimulator recorder = null!;
        await using var connection = await SandboxHarness.ForVendorAsync("IFlytek", wrap: simulator => recorder = new RecordingSimulator(simulator));
        var client = connection.Session.Client;
        var none = CancellationToken.None;
        await client.GetLinesAsync(none);
        await client.GetRobotsAsync(none);
        Assert.NotEmpty(await client.GetVoicesAsync(none));
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "documented", RobotId = "719", Lines = new[] { "055169101401" } }, none);
        await client.GetTaskPageAsync(new TaskFilter(), 1, none);
        var import = new CustomerImport(connection.Session, task.Id, new ImportOptions());
        await import.AddAsync(Row("13800138000", "张三", "100"), null, none);
        await import.CompleteAsync(none);
        await client.StartTaskAsync(task.Id, none);
        await client.PauseTaskAsync(task.Id, none);
        await client.GetFailedPushFilesAsync(connection.Clock.Now.Date.AddDays(-1), none);
        await client.CallAsync(new CallSpec("720", new CustomerColumns("Phone", "Name", Array.Empty<string>()),
            new[] { new CustomerRow(1, "13800138001", "李四", Array.Empty<string>()) }) { Line = "055169101401" }, none);
        await client.DeleteTaskAsync(task.Id, none);

        AssertDocumented(recorder, YetaAnswers);
    }

    [Fact]
    public void Checker_ReportsAFieldTheDocumentsDoNotList()
    {
        var problems = new List<string>();
        ByRobotAnswers["/openapi/v1/task/getTaskDetail"].Check(
            JsonNode.Parse("""{"code":200,"data":{"callJobId":1,"concurrencyQuota":3,"callPhones":[{"userPhoneId":1,"robotDefId":2}]}}"""),
            "detail", problems);

        Assert.Equal(new[] { "detail.data.concurrencyQuota is not documented", "detail.data.callPhones[].robotDefId is not documented" }, problems);
    }
}
