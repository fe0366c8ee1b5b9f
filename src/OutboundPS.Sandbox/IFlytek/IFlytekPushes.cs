using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using OutboundPS.Sandbox.Pushes;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>
/// Pushes of the yeta simulator (docs/vendors/iflytek.md#pushes): every finished outbound call gives a receiveCallRecord
/// outbound record, sometimes also a basic one, and, when answered, receiveVoice and receiveDialog. They are kept per
/// task, posted to <see cref="SimulatorBase.PushSender"/> when there is one, and otherwise (or when delivery fails)
/// kept for the push-failure files (IFlytekPushFailures.cs).
/// </summary>
public sealed partial class IFlytekSimulator
{
    /// <summary>The sandbox enterprise and application, as pushes name them.</summary>
    public const string BusinessId = "2745";

    private const string AppId = "sandbox-app";

    private static readonly PushRule Rule = new(
        "application/json;charset=UTF-8",
        maxAttempts: 4,
        accepts: body => body.Contains("success"),
        replyTimeout: TimeSpan.FromSeconds(3),
        // yeta publishes no wait between its 3 retries; the sandbox retries at once.
        intervals: Array.Empty<TimeSpan>(),
        thereafter: TimeSpan.Zero,
        intervalsOnSimulatedClock: false);

    /// <summary>Pushes: a reply containing "success" within 3 s (real time); 3 retries, then the push goes to the failure files.</summary>
    public override PushRule DeliveryRule => Rule;

    /// <summary>
    /// The pushes a task's calls produced up to the clock's now, in creation order: (module, raw JSON body). The default
    /// pool's id is "pool".
    /// </summary>
    public IReadOnlyList<(string Module, string Body)> PushesOf(string taskId)
    {
        lock (Gate)
        {
            // Calls are made as the clock is read; reading the pushes is such a moment, as a request is.
            Advance();
            return _tasks.TryGetValue(taskId, out var task) ? task.Pushes.Select(p => (p.Module, p.Body)).ToArray() : Array.Empty<(string, string)>();
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string>? KeptPushesOf(string taskId) => PushesOf(taskId).Select(p => p.Body).ToArray();

    private void MakePushes(IFlytekSandboxTask task)
    {
        foreach (var attempt in task.Dialling.TakeAttempts())
        {
            var row = task.Rows[attempt.CustomerIndex];
            var uuid = CallUuid(row.DataId, attempt);
            var result = TaskResultOf(attempt.Phone);
            var dial = attempt.DialledAt.ToUnixTimeMilliseconds();
            var ring = attempt.RingSeconds;
            var answer = attempt.Answered ? dial + ring * 1000L : 0;
            var talk = attempt.Answered ? attempt.TalkSeconds : 0;
            var hangup = attempt.Answered ? answer + talk * 1000L : dial + ring * 1000L;
            var basic = new JsonObject
            {
                ["business_id"] = BusinessId,
                ["app_id"] = AppId,
                ["robot_id"] = task.RobotId,
                ["call_uuid"] = uuid,
                ["caller"] = task.LineNum.Split(';')[0],
                ["callee"] = attempt.Phone,
                ["direction"] = 2,
                ["time_answer"] = answer,
                ["time_hangup"] = hangup,
                ["duration_ring"] = ring,
                ["duration_call"] = talk,
            };
            var outbound = (JsonObject)basic.DeepClone();
            outbound["task_id"] = task.Id;
            outbound["task_data_id"] = row.DataId.ToString(CultureInfo.InvariantCulture);
            outbound["time_dial"] = dial;
            outbound["time_ring"] = dial + 1000;
            outbound["task_result"] = result.ToString(CultureInfo.InvariantCulture);
            outbound["task_result_desc"] = ResultText(result);
            outbound["task_tries"] = attempt.Attempt - 1;
            outbound["task_row_index"] = attempt.CustomerIndex + 1;
            outbound["task_row_head"] = Strings(row.Head);
            outbound["task_row_value"] = Strings(row.Values);

            // Some calls also give the basic record, before or after the outbound one: the order is not guaranteed.
            var withBasic = attempt.Pick(4, 3) == 0;
            if (withBasic && attempt.Pick(5, 2) == 0) Push(task, "receiveCallRecord", basic);
            Push(task, "receiveCallRecord", outbound);
            if (withBasic && attempt.Pick(5, 2) == 1) Push(task, "receiveCallRecord", basic);
            if (!attempt.Answered) continue;
            Push(task, "receiveVoice", new JsonObject
            {
                ["business_id"] = BusinessId,
                ["app_id"] = AppId,
                ["robot_id"] = task.RobotId,
                ["task_data_id"] = row.DataId.ToString(CultureInfo.InvariantCulture),
                ["call_uuid"] = uuid,
                ["url"] = "ant/4/ivr/0/" + attempt.DialledAt.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture) + "/0/" + uuid + ".wav",
                ["size"] = talk * 16_000L,
                ["duration"] = talk,
            });
            Push(task, "receiveDialog", Dialog(task, row, attempt, uuid, answer, hangup));
        }
    }

    private JsonObject Dialog(IFlytekSandboxTask task, (long DataId, string[] Head, string[] Values) row, DialAttempt attempt, string uuid, long begin, long end)
    {
        var intent = PhoneDigits.Intent(attempt.Phone);
        var name = Value(row, "姓名") ?? "机主";
        var amount = Value(row, "金额");
        var robotName = _robots.First(r => r.Id == task.RobotId).Name;
        var turns = new[]
        {
            (true, $"您好，请问是{name}吗？", "开场白", "NormalNode"),
            (false, "是的，你说。", "开场白", "NormalNode"),
            (true, amount is not null ? $"这里是{robotName}，您本期应还{amount}元，请按时还款。" : $"这里是{robotName}，耽误您一分钟可以吗？", "主流程", "NormalNode"),
            (false, intent <= 'B' ? "好的，没问题。" : "我现在不方便。", "主流程", "NormalNode"),
        };
        var count = attempt.Turns;
        // The first customer turn reaches a weaker tag than the last, so tag_max and tag_min differ on longer calls.
        var firstTag = (char)Math.Min('F', intent + 1);
        var lastCustomer = count == 4 ? 3 : 1;
        var seqAsText = attempt.Pick(6, 2) == 0;
        var dialog = new JsonArray();
        var slice = (end - begin) / count;
        for (var i = 0; i < count; i++)
        {
            var (robot, text, node, type) = turns[i];
            var tag = robot ? string.Empty : (i == lastCustomer ? intent : firstTag).ToString();
            dialog.Add(new JsonObject
            {
                ["seq"] = seqAsText ? JsonValue.Create(i.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(i),
                ["role"] = robot ? "robot" : "customer",
                ["node_id"] = "node-" + (i / 2 + 1).ToString(CultureInfo.InvariantCulture),
                ["node_name"] = node,
                ["node_type"] = i == count - 1 ? "EndNode" : type,
                ["tag_name"] = tag,
                ["tag_desc"] = tag.Length == 0 ? string.Empty : tag + "类意向",
                ["text_robot"] = robot ? text : string.Empty,
                ["text_man"] = robot ? string.Empty : text,
                ["time_start"] = begin + i * slice,
            });
        }

        return new JsonObject
        {
            ["business_id"] = BusinessId,
            ["app_id"] = AppId,
            ["robot_id"] = task.RobotId,
            ["agent_id"] = AppId,
            ["task_id"] = task.Id,
            ["task_data_id"] = row.DataId.ToString(CultureInfo.InvariantCulture),
            ["call_uuid"] = uuid,
            ["tag_max"] = intent.ToString(),
            ["tag_min"] = (count == 4 ? firstTag : intent).ToString(),
            ["time_begin"] = begin,
            ["time_end"] = end,
            ["dialog"] = dialog,
        };
    }

    /// <summary>Keeps a push with its task and posts it; undelivered, it waits in the failure files of its day.</summary>
    private void Push(IFlytekSandboxTask task, string module, JsonObject body)
    {
        var message = new PushMessage(module, JsonAnswer.Text(body), Clock.Now);
        task.Pushes.Add(message);
        if (PushSender is not { } sender)
        {
            Failed(message);
            return;
        }

        message.GaveUp = failed =>
        {
            lock (Gate) Failed(failed);
        };
        sender.Send(message);
    }

    private static string? Value((long DataId, string[] Head, string[] Values) row, string column)
    {
        var i = Array.IndexOf(row.Head, column);
        return i >= 0 && i < row.Values.Length ? row.Values[i] : null;
    }

    /// <summary>A UUID fixed by the row and the attempt, so runs repeat.</summary>
    private static string CallUuid(long dataId, DialAttempt attempt)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(dataId).CopyTo(bytes, 0);
        BitConverter.GetBytes(attempt.Seed).CopyTo(bytes, 8);
        BitConverter.GetBytes(attempt.Attempt).CopyTo(bytes, 12);
        return new Guid(bytes).ToString();
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
