using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sandbox.Pushes;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The simulators' call results, read with raw requests: BYRobot B26–B29 and callbacks, yeta pushes and Y16 files.</summary>
public sealed class SandboxResultsTests
{
    private static readonly int[] FinishStatuses = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 22 };
    private static readonly int[] TaskResults = { -1, 0, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 18, 19, 20, 22, 23, 25, 26, 27, 28 };

    private readonly ManualClock _clock = new(SandboxHarness.Start);

    // ---- BYRobot ----

    private sealed class ByRobotWire
    {
        internal ByRobotWire(ManualClock clock) => Simulator = new ByRobotSimulator("k", "s", clock);

        internal ByRobotSimulator Simulator { get; }

        internal JsonObject Send(string method, string path, Dictionary<string, string>? query = null, JsonNode? body = null)
        {
            var dateTime = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
            using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes("s"));
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["appkey"] = "k", ["datetime"] = dateTime, ["sign"] = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes("k\n" + dateTime))),
            };
            var answer = Simulator.Handle(new SimulatedRequest(method, path, query ?? new Dictionary<string, string>(), headers,
                body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body.ToJsonString())));
            return (JsonObject)JsonNode.Parse(answer.Body)!;
        }

        /// <summary>A task of robot 5001 (variables 客户名称, 金额) holding one customer per phone; returns its id.</summary>
        internal long TaskWith(IEnumerable<string> phones)
        {
            var created = Send("POST", "/openapi/v1/task/createTask", body: new JsonObject
            {
                ["companyId"] = 3813, ["taskName"] = "results", ["taskType"] = 2, ["userPhoneIds"] = new JsonArray(101), ["robotDefId"] = 5001, ["callType"] = 1,
            });
            var id = (long)created["data"]!;
            var customers = phones.Select((p, i) => (JsonNode)new JsonObject
            {
                ["name"] = "客户" + i, ["phone"] = p, ["properties"] = new JsonObject { ["金额"] = "88" + i, ["user_id"] = "u" + i },
            }).ToArray();
            var imported = Send("POST", "/openapi/v2/task/importTaskCustomer", body: new JsonObject { ["companyId"] = 3813, ["taskId"] = id, ["customerInfoList"] = new JsonArray(customers) });
            Assert.Equal(customers.Length, (int)imported["data"]!["successNum"]!);
            return id;
        }

        internal JsonObject Done(long task, int pageSize = 50, int pageNum = 1, Action<JsonObject>? filter = null)
        {
            var body = new JsonObject { ["callJobId"] = task, ["pageNum"] = pageNum, ["pageSize"] = pageSize };
            filter?.Invoke(body);
            return Send("POST", "/openapi/v1/task/queryDoneTaskPhones", body: body);
        }

        internal JsonObject UnCallBacked(long? task = null, string pageSize = "100") => Send("GET", "/openapi/v1/callBack/queryUnCallBack", new Dictionary<string, string>
        {
            ["companyId"] = "3813", ["dataType"] = "0", ["startDate"] = "2026-11-21", ["endDate"] = "2026-11-22", ["pageSize"] = pageSize,
        }.Concat(task is null ? Array.Empty<KeyValuePair<string, string>>() : new[] { new KeyValuePair<string, string>("callJobId", task.Value.ToString(CultureInfo.InvariantCulture)) })
            .ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>One number per finish status (two for answered calls, one per intent level), so every documented code shows.</summary>
    private static List<string> ByRobotPhones() =>
        FinishStatuses.Where(s => s != 0).Select(s => ByRobotSimulator.PhoneFor(s, variant: s))
            .Concat("ABCDEF".Select((level, i) => ByRobotSimulator.PhoneFor(0, level, variant: 100 + i))).ToList();

    private ByRobotWire DialledByRobot(out long task, out List<string> phones)
    {
        var wire = new ByRobotWire(_clock);
        phones = ByRobotPhones();
        task = wire.TaskWith(phones);
        Assert.Equal(200, (int)wire.Send("POST", "/openapi/v1/task/start", body: new JsonObject { ["taskId"] = task })["code"]!);
        _clock.Advance(TimeSpan.FromHours(1));
        return wire;
    }

    [Fact]
    public void ByRobot_DoneTaskPhones_AnswersDocumentedFields_CoversEveryFinishStatus_AndKeepsCalledCountConsistent()
    {
        var wire = DialledByRobot(out var task, out var phones);
        var page = (JsonObject)wire.Done(task)["data"]!;
        Assert.Equal(new[] { "pageNum", "pageSize", "size", "total", "pages", "list" }, page.Select(p => p.Key));
        var list = page["list"]!.AsArray().Select(n => n!.AsObject()).ToList();
        Assert.Equal(phones.Count, (int)page["total"]!);
        Assert.Equal(new[]
        {
            "callInstanceId", "sceneDefId", "callJobId", "customerTelephone", "customerName", "status", "finishStatus", "duration", "chatRound", "startTime",
            "endTime", "callerPhone", "luyinOssUrl", "secondaryCallTime", "secondaryCallTimes", "jobName", "resultList",
        }, list[0].Select(p => p.Key));
        Assert.Equal(FinishStatuses, list.Select(i => (int)i["finishStatus"]!).Distinct().OrderBy(s => s));
        foreach (var item in list)
        {
            var phone = (string)item["customerTelephone"]!;
            Assert.Equal(ByRobotSimulator.FinishStatusOf(phone), (int)item["finishStatus"]!);
            var answered = (int)item["finishStatus"]! == 0;
            Assert.Equal(answered, (int)item["duration"]! > 0);
            Assert.Equal(answered, item["resultList"]!.AsArray().Any(r => (string)r!["name"]! == "客户意向等级"));
        }

        var tasks = wire.Send("GET", "/openapi/v1/task/getTasks", new Dictionary<string, string> { ["companyId"] = "3813" });
        Assert.Equal(list.Count(i => (int)i["finishStatus"]! == 0), (int)tasks["data"]!["list"]![0]!["calledCount"]!);

        var rejected = wire.Done(task, filter: b => b["finishStatus"] = 4)["data"]!["list"]!.AsArray();
        Assert.Equal(ByRobotSimulator.PhoneFor(4, variant: 4), (string)Assert.Single(rejected)!["customerTelephone"]!);
        var levelA = wire.Done(task, filter: b => b["resultQueryList"] = new JsonArray(new JsonObject { ["name"] = "客户意向等级", ["value"] = "A级(较强)" }))["data"]!["list"]!.AsArray();
        Assert.Equal(ByRobotSimulator.PhoneFor(0, 'A', 100), (string)Assert.Single(levelA)!["customerTelephone"]!);
        var secondPage = (JsonObject)wire.Done(task, pageSize: 10, pageNum: 2)["data"]!;
        Assert.Equal(phones.Count - 10, (int)secondPage["size"]!);
        Assert.Equal(2, (int)secondPage["pages"]!);
    }

    [Theory]
    [InlineData(0, 412)]
    [InlineData(1, 200)]
    [InlineData(50, 200)]
    [InlineData(51, 412)]
    public void ByRobot_CallPages_RefuseSizesOutsideOneToFifty(int pageSize, int code)
    {
        var wire = new ByRobotWire(_clock);
        var task = wire.TaskWith(new[] { "13800000001" });
        Assert.Equal(code, (int)wire.Done(task, pageSize)["code"]!);
        Assert.Equal(code, (int)wire.Send("POST", "/openapi/v1/task/notDialedCustomerList", body: new JsonObject { ["taskId"] = task, ["pageSize"] = pageSize })["code"]!);
    }

    [Fact]
    public void ByRobot_NotDialed_ListsCustomersUntilDialled_WithTheCallIdPhoneLogInfoLaterAnswers()
    {
        var wire = new ByRobotWire(_clock);
        var task = wire.TaskWith(new[] { "13800000001", "13800000002" });
        var before = (JsonObject)wire.Send("POST", "/openapi/v1/task/notDialedCustomerList", body: new JsonObject { ["taskId"] = task })["data"]!;
        Assert.Equal(2, (int)before["total"]!);
        var first = before["list"]![0]!.AsObject();
        Assert.Equal(new[] { "callInstanceId", "customerName", "customerTelephone", "status", "startTime", "callerPhone", "corpName", "calledTimes" }, first.Select(p => p.Key));
        Assert.Equal("客户0", (string)first["customerName"]!);
        wire.Send("POST", "/openapi/v1/task/start", body: new JsonObject { ["taskId"] = task });
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (int)wire.Send("POST", "/openapi/v1/task/notDialedCustomerList", body: new JsonObject { ["taskId"] = task })["data"]!["total"]!);
        var detail = wire.Send("GET", "/openapi/v1/task/phoneLogInfo", new Dictionary<string, string> { ["callInstanceId"] = first["callInstanceId"]!.ToString() });
        Assert.Equal("13800000001", (string)detail["data"]!["sceneInstance"]!["customerTelephone"]!);
    }

    [Fact]
    public void ByRobot_PhoneLogInfo_GivesTranscriptPropertiesAndResults_AndNotFoundForUnknownIds()
    {
        var wire = DialledByRobot(out var task, out var phones);
        var item = wire.Done(task, filter: b => b["finishStatus"] = 0)["data"]!["list"]![0]!;
        var data = (JsonObject)wire.Send("GET", "/openapi/v1/task/phoneLogInfo", new Dictionary<string, string> { ["callInstanceId"] = item["callInstanceId"]!.ToString() })["data"]!;
        Assert.Equal(new[] { "phoneLog", "sceneInstance", "taskResult" }, data.Select(p => p.Key));
        var scene = data["sceneInstance"]!.AsObject();
        foreach (var field in new[] { "callInstanceId", "companyId", "callJobId", "customerId", "customerTelephone", "customerName", "status", "finishStatus", "duration",
                     "chatRound", "startTime", "endTime", "callerPhone", "luyinOssUrl", "userLuyinOssUrl", "properties", "handlePerson", "callType", "readStatus",
                     "jobName", "robotDefId", "sceneDefId", "sceneRecordId", "trackResult", "hangUp", "secondaryCallTime", "secondaryCallTimes" })
            Assert.True(scene.ContainsKey(field), field);
        var index = phones.IndexOf((string)scene["customerTelephone"]!);
        var properties = JsonNode.Parse((string)scene["properties"]!)!;
        Assert.Equal("u" + index, (string)properties["user_id"]!);
        var logs = data["phoneLog"]!["phoneLogs"]!.AsArray().Select(n => n!.AsObject()).ToList();
        Assert.InRange(logs.Count, 2, 4);
        Assert.Equal(logs.Select((_, i) => i % 2 == 0 ? "AI" : "ME"), logs.Select(l => (string)l["speaker"]!));
        Assert.Contains("客户" + index, (string)logs[0]["content"]!);
        Assert.Equal(new[] { "sceneInstanceLogId", "sceneInstanceId", "speaker", "content", "userMean", "userMeanDetail", "aiUnknown", "startTime", "endTime" }, logs[0].Select(p => p.Key));
        Assert.Equal(0, (int)logs[0]["aiUnknown"]!);
        Assert.Equal(logs.Count(l => (string)l["speaker"]! == "AI"), (int)scene["chatRound"]!);
        var level = data["taskResult"]!.AsArray().Single(r => (string)r!["resultName"]! == "客户意向等级")!;
        Assert.Equal(ByRobotSimulator.IntentOf((string)scene["customerTelephone"]!) + "级(", ((string)level["resultValue"]!).Substring(0, 3));

        Assert.Equal(404, (int)wire.Send("GET", "/openapi/v1/task/phoneLogInfo", new Dictionary<string, string> { ["callInstanceId"] = "42" })["code"]!);
    }

    [Fact]
    public void ByRobot_Callbacks_AreWrapped_OnePerCall_ThenJobInfoOnCompletion()
    {
        var wire = DialledByRobot(out var task, out var phones);
        wire.Send("GET", "/openapi/v1/task/getTasks", new Dictionary<string, string> { ["companyId"] = "3813" });
        var callbacks = wire.Simulator.CallbacksOf(task);
        Assert.Equal(phones.Count + 1, callbacks.Count);
        Assert.Equal("JOB_INFO_RESULT", callbacks[^1].DataType);
        Assert.Equal(2, (int)JsonNode.Parse(callbacks[^1].Body)!["data"]!["data"]!["status"]!);
        var last = JsonNode.Parse(callbacks[^2].Body)!.AsObject();
        Assert.Equal(new[] { "code", "data", "resultMsg", "errorStackTrace" }, last.Select(p => p.Key));
        Assert.Equal("CALL_INSTANCE_RESULT", (string)last["data"]!["dataType"]!);
        Assert.True((bool)last["data"]!["data"]!["jobFinished"]!);
        Assert.False((bool)JsonNode.Parse(callbacks[0].Body)!["data"]!["data"]!["jobFinished"]!);
        var answered = callbacks.Select(c => JsonNode.Parse(c.Body)!["data"]!["data"]!).First(d => d["sceneInstance"]?["finishStatus"] is { } s && (int)s == 0)!;
        var level = answered["taskResult"]!.AsArray().Single(r => (string)r!["resultName"]! == "客户意向等级")!;
        var alias = (string)level["resultValueAlias"]!;
        Assert.Equal(ByRobotSimulator.IntentOf((string)answered["sceneInstance"]!["customerTelephone"]!).ToString(), alias);
        Assert.StartsWith(alias + "级(", (string)level["resultValueNew"]!);
        Assert.NotEqual((string)level["resultValue"]!, (string)level["resultValueNew"]!);
        Assert.Contains(answered["phoneLog"]!["phoneLogs"]![0]!["aiUnknown"]!.GetValueKind(), new[] { JsonValueKind.True, JsonValueKind.False });
    }

    [Fact]
    public async Task ByRobot_UnCallBack_ListsCallsUntilTheReceiverAcknowledges()
    {
        var wire = new ByRobotWire(_clock);
        var gate = new TaskCompletionSource();
        var receiver = new ScriptedHandler(async _ =>
        {
            await gate.Task;
            return "success";
        });
        using var sender = new PushSender(new Uri("http://127.0.0.1:9/callback"), wire.Simulator.DeliveryRule, _clock, receiver);
        wire.Simulator.PushSender = sender;
        var task = wire.TaskWith(new[] { "13800000001", "13800000002", "13800000004" });
        wire.Send("POST", "/openapi/v1/task/start", body: new JsonObject { ["taskId"] = task });
        _clock.Advance(TimeSpan.FromMinutes(10));

        var pending = (JsonObject)wire.UnCallBacked(task)["data"]!;
        Assert.Equal(3, (int)pending["total"]!);
        Assert.Equal(new[] { "customerTelephone", "callInstanceId", "callJobId", "callerTime" }, pending["list"]![0]!.AsObject().Select(p => p.Key));

        gate.SetResult();
        await sender.DrainAsync();
        Assert.Equal(0, (int)wire.UnCallBacked(task)["data"]!["total"]!);
        Assert.Equal(4, sender.Delivered); // three calls and the task's completion
        Assert.Equal(412, (int)wire.UnCallBacked(task, pageSize: "501")["code"]!);
        Assert.Equal(200, (int)wire.UnCallBacked(task, pageSize: "500")["code"]!);
        Assert.Equal(412, (int)wire.Send("GET", "/openapi/v1/callBack/queryUnCallBack", new Dictionary<string, string> { ["companyId"] = "3813", ["dataType"] = "0" })["code"]!);
    }

    [Fact]
    public void ByRobot_UnCallBack_WithoutAPushAddress_ListsEveryCall()
    {
        var wire = DialledByRobot(out var task, out var phones);
        Assert.Equal(phones.Count, (int)wire.UnCallBacked(task)["data"]!["total"]!);
        Assert.Equal(0, (int)wire.Send("GET", "/openapi/v1/callBack/queryUnCallBack", new Dictionary<string, string>
        {
            ["companyId"] = "3813", ["dataType"] = "0", ["startDate"] = "2026-11-22", ["endDate"] = "2026-11-23",
        })["data"]!["total"]!);
    }

    // ---- yeta ----

    private sealed class YetaWire
    {
        private readonly string _token;

        internal YetaWire(ManualClock clock, string prefix = "/openapi")
        {
            // Tests move the clock by days; the token must outlive them.
            Simulator = new IFlytekSimulator("k", "s", clock) { PathPrefix = prefix, TokenLifetime = TimeSpan.FromDays(60) };
            Prefix = prefix;
            _token = (string)Send("/oauth/v1/token", new JsonObject { ["app_key"] = "k", ["app_secret"] = "s" }, token: false)["result"]!["token"]!;
        }

        internal IFlytekSimulator Simulator { get; }
        internal string Prefix { get; }

        internal JsonObject Send(string path, JsonObject body, bool token = true) =>
            (JsonObject)JsonNode.Parse(Simulator.Handle(new SimulatedRequest("POST", Prefix + path,
                token ? new Dictionary<string, string> { ["token"] = _token } : new Dictionary<string, string>(),
                new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body.ToJsonString()))).Body)!;

        internal SimulatedResponse Get(string path) =>
            Simulator.Handle(new SimulatedRequest("GET", path, new Dictionary<string, string>(), new Dictionary<string, string>(), Array.Empty<byte>()));

        /// <summary>A started task of script 719 (姓名, 金额) with one row per phone; returns its id and the task_data_ids.</summary>
        internal (string Task, long[] DataIds) Started(IReadOnlyList<string> phones)
        {
            var task = (string)Send("/outbound/v1/task/create", new JsonObject
            {
                ["task_name"] = "results", ["line_num"] = "055169101401", ["robot_id"] = "719", ["time_begin"] = 1,
            })["result"]!["task_id"]!;
            var ids = new List<long>();
            foreach (var chunk in phones.Select((p, i) => (p, i)).GroupBy(x => x.i / 50))
            {
                var inserted = Send("/outbound/v1/task/insert", new JsonObject
                {
                    ["task_id"] = task,
                    ["call_column"] = new JsonArray("客户手机号码", "姓名", "金额"),
                    ["call_list"] = new JsonArray(chunk.Select(x => (JsonNode)new JsonArray(x.p, "张" + x.i, (100 + x.i).ToString(CultureInfo.InvariantCulture))).ToArray()),
                });
                ids.AddRange(inserted["result"]!["task_data_ids"]!.AsArray().Select(n => (long)n!));
            }

            Send("/outbound/v1/task/start", new JsonObject { ["task_id"] = task });
            return (task, ids.ToArray());
        }

        internal JsonObject Query(string task) => Send("/outbound/v1/task/query", new JsonObject { ["task_id"] = task });
    }

    private static List<string> YetaPhones() => TaskResults.Select((code, i) => IFlytekSimulator.PhoneFor(code, "ABCDEF"[i % 6], variant: i)).ToList();

    [Fact]
    public void Yeta_EveryCall_PushesAnOutboundRecord_WithItsRow_AndAnsweredCallsAVoiceAndADialog()
    {
        var wire = new YetaWire(_clock);
        var phones = YetaPhones();
        var (task, dataIds) = wire.Started(phones);
        _clock.Advance(TimeSpan.FromHours(1));
        var row = (JsonObject)wire.Query(task)["result"]!["rows"]![0]!;
        Assert.Equal(4, (int)row["status"]!);

        var pushes = wire.Simulator.PushesOf(task).Select(p => (p.Module, Body: JsonNode.Parse(p.Body)!.AsObject())).ToList();
        var outbound = pushes.Where(p => p.Module == "receiveCallRecord" && p.Body.ContainsKey("task_row_index")).Select(p => p.Body).ToList();
        Assert.Equal(phones.Count, outbound.Count);
        Assert.Equal(TaskResults.OrderBy(c => c), outbound.Select(o => int.Parse((string)o["task_result"]!, CultureInfo.InvariantCulture)).OrderBy(c => c));
        foreach (var record in outbound)
        {
            var i = (int)record["task_row_index"]! - 1;
            Assert.Equal(phones[i], (string)record["callee"]!);
            Assert.Equal(dataIds[i].ToString(CultureInfo.InvariantCulture), (string)record["task_data_id"]!);
            Assert.Equal(IFlytekSimulator.TaskResultOf(phones[i]).ToString(CultureInfo.InvariantCulture), (string)record["task_result"]!);
            Assert.Equal(new[] { "客户手机号码", "姓名", "金额" }, record["task_row_head"]!.AsArray().Select(v => (string)v!));
            Assert.Equal(new[] { phones[i], "张" + i, (100 + i).ToString(CultureInfo.InvariantCulture) }, record["task_row_value"]!.AsArray().Select(v => (string)v!));
            Assert.Equal(task, (string)record["task_id"]!);
            Assert.True((long)record["time_dial"]! > 1_700_000_000_000L);
        }

        var answered = outbound.Where(o => (long)o["time_answer"]! != 0).Select(o => (string)o["call_uuid"]!).ToHashSet();
        Assert.Equal(answered.Count, (int)row["process_through_count"]!);
        Assert.Equal(answered.OrderBy(u => u), pushes.Where(p => p.Module == "receiveVoice").Select(p => (string)p.Body["call_uuid"]!).OrderBy(u => u));
        Assert.Equal(answered.OrderBy(u => u), pushes.Where(p => p.Module == "receiveDialog").Select(p => (string)p.Body["call_uuid"]!).OrderBy(u => u));
        Assert.All(pushes.Where(p => p.Module == "receiveCallRecord" && !p.Body.ContainsKey("task_row_index")), basic =>
        {
            Assert.DoesNotContain(basic.Body, f => f.Key.StartsWith("task_", StringComparison.Ordinal));
            Assert.Contains((string)basic.Body["call_uuid"]!, outbound.Select(o => (string)o["call_uuid"]!));
        });

        var voice = pushes.First(p => p.Module == "receiveVoice").Body;
        Assert.StartsWith("ant/4/ivr/0/", (string)voice["url"]!);
        Assert.True((long)voice["size"]! > 0 && (int)voice["duration"]! > 0);
        var dialogPush = pushes.First(p => p.Module == "receiveDialog").Body;
        var dialog = dialogPush["dialog"]!.AsArray().Select(n => n!.AsObject()).ToList();
        Assert.InRange(dialog.Count, 2, 4);
        Assert.Equal(dialog.Select((_, i) => i % 2 == 0 ? "robot" : "customer"), dialog.Select(d => (string)d["role"]!));
        var callee = outbound.Single(o => (string)o["call_uuid"]! == (string)dialogPush["call_uuid"]!);
        Assert.Contains("张" + ((int)callee["task_row_index"]! - 1), (string)dialog[0]["text_robot"]!);
        Assert.Equal(IFlytekSimulator.IntentOf((string)callee["callee"]!).ToString(), (string)dialogPush["tag_max"]!);
    }

    [Fact]
    public void Yeta_Outcomes_RepeatForTheSameNumbers()
    {
        var phones = YetaPhones();
        (string Module, string Body)[] Run()
        {
            var wire = new YetaWire(new ManualClock(SandboxHarness.Start));
            var (task, _) = wire.Started(phones);
            ((ManualClock)wire.Simulator.Clock).Advance(TimeSpan.FromHours(1));
            wire.Query(task);
            return wire.Simulator.PushesOf(task).ToArray();
        }

        var first = Run();

        // Every number ends as it was made to: its outbound record carries the task_result its phone was made for.
        var outcomes = first.Where(p => p.Module == "receiveCallRecord").Select(p => JsonNode.Parse(p.Body)!.AsObject())
            .Where(record => record.ContainsKey("task_row_index"))
            .Select(record => $"{(string)record["callee"]!} {(string)record["task_result"]!}");
        Assert.Equal(phones.Zip(TaskResults, (phone, code) => $"{phone} {code}").Order(StringComparer.Ordinal), outcomes.Order(StringComparer.Ordinal));
        // And again, push for push, on a fresh simulator.
        Assert.Equal(first, Run());
    }

    [Fact]
    public void Yeta_PushFailed_ListsYesterdaysUndeliveredPushes_AsRealZipsOfJsonLines()
    {
        var wire = new YetaWire(_clock);
        var (task, _) = wire.Started(YetaPhones());
        _clock.Advance(TimeSpan.FromHours(1));
        wire.Query(task);
        var pushes = wire.Simulator.PushesOf(task);
        Assert.Equal(pushes.Count, wire.Simulator.FailedPushCount);
        Assert.Empty(wire.Send("/download/v1/push/failed", new JsonObject { ["date"] = "2026-11-21" })["result"]!["url"]!.AsArray());

        _clock.Advance(TimeSpan.FromDays(1));
        var urls = wire.Send("/download/v1/push/failed", new JsonObject())["result"]!["url"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Equal(urls, wire.Send("/download/v1/push/failed", new JsonObject { ["date"] = "2026-11-21" })["result"]!["url"]!.AsArray().Select(u => (string)u!));
        Assert.Equal(3, urls.Count);
        var lines = new List<JsonObject>();
        foreach (var url in urls)
        {
            Assert.False(url.StartsWith("/", StringComparison.Ordinal) || url.StartsWith("http", StringComparison.Ordinal), url);
            var file = wire.Get(IFlytekSimulator.DownloadRoot + url);
            Assert.Equal(200, file.Status);
            using var zip = new ZipArchive(new MemoryStream(file.Body), ZipArchiveMode.Read);
            Assert.All(zip.Entries, e => Assert.Contains('/', e.FullName));
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                lines.AddRange(reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()));
            }
        }

        Assert.Equal(pushes.Count, lines.Count);
        Assert.All(lines, l => Assert.Equal(new[] { "data", "module", "retryTimes", "timestamp" }, l.Select(p => p.Key)));
        Assert.Equal(pushes.Select(p => p.Body).OrderBy(b => b, StringComparer.Ordinal), lines.Select(l => l["data"]!.ToJsonString(JsonOptions)).OrderBy(b => b, StringComparer.Ordinal));
        Assert.Equal(0, (int)lines[0]["retryTimes"]!);

        _clock.Advance(TimeSpan.FromDays(7));
        Assert.Empty(wire.Send("/download/v1/push/failed", new JsonObject { ["date"] = "2026-11-21" })["result"]!["url"]!.AsArray());
        Assert.Equal(404, wire.Get(IFlytekSimulator.DownloadRoot + urls[0]).Status);
        Assert.Equal(10005, (int)wire.Send("/download/v1/push/failed", new JsonObject { ["date"] = "21/11/2026" })["code"]!);
        Assert.Equal(10001, (int)wire.Send("/download/v1/push/failed", new JsonObject(), token: false)["code"]!);
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    [Fact]
    public void Yeta_Mirror_ServesTheApiUnderItsPrefix_AndTheFilesAtTheHostRoot()
    {
        var wire = new YetaWire(_clock, "/v1/service/v1/aicall");
        var (task, _) = wire.Started(new[] { "13800000001" });
        _clock.Advance(TimeSpan.FromHours(1));
        wire.Query(task);
        _clock.Advance(TimeSpan.FromDays(1));
        var url = (string)wire.Send("/download/v1/push/failed", new JsonObject())["result"]!["url"]![0]!;
        Assert.Equal(200, wire.Get("/push_download/" + url).Status);
        Assert.NotEqual("application/zip", wire.Get("/v1/service/v1/aicall/push_download/" + url).ContentType);
    }

    // ---- push sender ----

    /// <summary>A receiver in place of the network: answers each POST with what the script says.</summary>
    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Func<string, Task<string>> _answer;

        internal ScriptedHandler(Func<string, Task<string>> answer) => _answer = answer;

        internal List<string> ContentTypes { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Read before the body: decoding it parses the header, which then reads back normalised.
            lock (ContentTypes) ContentTypes.Add(request.Content!.Headers.NonValidated["Content-Type"].ToString());
            var body = await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(await _answer(body)) };
        }
    }

    [Fact]
    public async Task ByRobotRule_RetriesTwentySevenTimes_AtTheDocumentedIntervals_AndWantsExactlySuccess()
    {
        var waits = new List<TimeSpan>();
        var receiver = new ScriptedHandler(_ => Task.FromResult("success\n"));
        using var sender = new PushSender(new Uri("http://127.0.0.1:9/cb"), new ByRobotSimulator("k", "s", _clock).DeliveryRule, _clock, receiver)
        {
            Wait = (interval, _) =>
            {
                lock (waits) waits.Add(interval);
                return Task.CompletedTask;
            },
        };
        var message = new PushMessage("CALL_INSTANCE_RESULT", "{}", _clock.Now);
        sender.Send(message);
        await sender.DrainAsync();
        Assert.Equal((27, 27, 1, 0), (message.Attempts, sender.Attempts, sender.GaveUp, sender.Delivered));
        var minutes = new[] { 10 / 60.0, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 60, 120 }.Concat(Enumerable.Repeat(120.0, 10));
        Assert.Equal(minutes.Select(TimeSpan.FromMinutes), waits);
        Assert.All(receiver.ContentTypes, t => Assert.Equal("application/json;charset=utf-8", t));
    }

    [Fact]
    public async Task ByRobotRule_StopsAtTheFirstSuccess()
    {
        var calls = 0;
        var receiver = new ScriptedHandler(_ => Task.FromResult(Interlocked.Increment(ref calls) < 3 ? "fail" : "success"));
        using var sender = new PushSender(new Uri("http://127.0.0.1:9/cb"), new ByRobotSimulator("k", "s", _clock).DeliveryRule, _clock, receiver)
        {
            Wait = (_, _) => Task.CompletedTask,
        };
        var delivered = 0;
        sender.Send(new PushMessage("JOB_INFO_RESULT", "{}", _clock.Now) { Delivered = _ => delivered++ });
        await sender.DrainAsync();
        Assert.Equal((3, 1, 1, 0), (sender.Attempts, sender.Delivered, delivered, sender.GaveUp));
    }

    [Fact]
    public async Task YetaRule_AcceptsAReplyContainingSuccess_AndGivesUpAfterThreeRetries_IntoTheFailureFiles()
    {
        var receiver = new ScriptedHandler(body => Task.FromResult(body.Contains("\"url\"", StringComparison.Ordinal) ? "error" : "ok: success"));
        var wire = new YetaWire(_clock);
        using var sender = new PushSender(new Uri("http://127.0.0.1:9/push"), wire.Simulator.DeliveryRule, _clock, receiver);
        wire.Simulator.PushSender = sender;
        var (task, _) = wire.Started(new[] { "13800000001", "13800000002", "13800000010" });
        _clock.Advance(TimeSpan.FromHours(1));
        wire.Query(task);
        await sender.DrainAsync();

        var pushes = wire.Simulator.PushesOf(task);
        var voices = pushes.Count(p => p.Module == "receiveVoice");
        Assert.Equal(2, voices);
        Assert.Equal((pushes.Count - voices, voices), (sender.Delivered, sender.GaveUp));
        Assert.Equal(pushes.Count - voices + voices * 4, sender.Attempts);
        Assert.Equal(voices, wire.Simulator.FailedPushCount);
        Assert.All(receiver.ContentTypes, t => Assert.Equal("application/json;charset=UTF-8", t));

        _clock.Advance(TimeSpan.FromDays(1));
        var url = (string)Assert.Single(wire.Send("/download/v1/push/failed", new JsonObject())["result"]!["url"]!.AsArray())!;
        using var zip = new ZipArchive(new MemoryStream(wire.Get(IFlytekSimulator.DownloadRoot + url).Body), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.Entries.Single().Open());
        var line = JsonNode.Parse(reader.ReadLine()!)!;
        Assert.Equal(("receiveVoice", 4), ((string)line["module"]!, (int)line["retryTimes"]!));
    }
}
