using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace OutboundPS.Sandbox.ByRobot;

/// <summary>
/// One finished call of the BYRobot simulator (a call instance), made from a DialAttempt, and its documented shapes:
/// the queryDoneTaskPhones item, phoneLogInfo's sceneInstance / phoneLog / taskResult, and the callback's richer ones.
/// </summary>
internal sealed class ByRobotCallRecord
{
    private const string Time = "yyyy-MM-dd HH:mm:ss";

    internal ByRobotCallRecord(long callInstanceId, ByRobotSandboxTask task, DialAttempt attempt)
    {
        CallInstanceId = callInstanceId;
        Task = task;
        Attempt = attempt;
    }

    internal long CallInstanceId { get; }
    internal ByRobotSandboxTask Task { get; }
    internal DialAttempt Attempt { get; }
    internal string Phone => Attempt.Phone;
    internal string Name { get; set; } = string.Empty;
    internal IReadOnlyDictionary<string, string> Properties { get; set; } = new Dictionary<string, string>();
    internal int FinishStatus { get; set; }
    internal (char Alias, string Old, string New)? Intent { get; set; }

    /// <summary>The 客户标签 result some answered calls carry: its key and label.</summary>
    internal (int Key, string Label)? Tag { get; set; }

    internal int Duration { get; set; }
    internal DateTimeOffset Start { get; set; }
    internal DateTimeOffset End { get; set; }
    internal string CallerPhone { get; set; } = string.Empty;
    internal string? RecordingUrl { get; set; }
    internal int HangUp { get; set; }
    internal List<(bool Robot, string Content, string? UserMean, int StartMs, int EndMs)> Utterances { get; } = new();

    /// <summary>Whether a callback of this record was acknowledged by the receiver (B29 lists those that were not).</summary>
    internal bool Callbacked { get; set; }

    internal int ChatRound => Utterances.Count(u => u.Robot);
    internal long CustomerId => CallInstanceId + 1_000_000_000_000_000L;

    /// <summary>The analysis results as B26's resultList: {name, value} with the old wording of the intent level.</summary>
    internal IEnumerable<(string Name, string Value)> Results()
    {
        if (Intent is { } intent) yield return ("客户意向等级", intent.Old);
        if (Tag is { } tag) yield return ("客户标签", "[" + tag.Key.ToString(CultureInfo.InvariantCulture) + "]");
    }

    internal JsonObject DoneItem()
    {
        var item = new JsonObject { ["callInstanceId"] = CallInstanceId, ["sceneDefId"] = Task.SceneDefId, ["callJobId"] = Task.Id };
        AddCallFields(item);
        item["secondaryCallTime"] = NoRedial;
        item["secondaryCallTimes"] = 0;
        item["jobName"] = Task.Name;
        item["resultList"] = new JsonArray(Results().Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["value"] = r.Value }).ToArray());
        return item;
    }

    /// <summary>phoneLogInfo's sceneInstance; the callback adds its own fields to a copy.</summary>
    internal JsonObject SceneInstance(string robotName)
    {
        var scene = new JsonObject
        {
            ["callInstanceId"] = CallInstanceId,
            ["companyId"] = Task.CompanyId,
            ["callJobId"] = Task.Id,
            ["customerId"] = CustomerId,
        };
        AddCallFields(scene);
        scene["userLuyinOssUrl"] = RecordingUrl?.Replace(".wav", "_user.wav");
        // The import's properties come back as JSON text inside a string (docs/vendors/byrobot.md#ids-numbers-and-times).
        scene["properties"] = JsonAnswer.Text(PropertiesObject());
        scene["handlePerson"] = robotName;
        scene["callType"] = Task.CallType;
        scene["readStatus"] = 0;
        scene["jobName"] = Task.Name;
        scene["robotDefId"] = Task.RobotDefId;
        scene["sceneDefId"] = Task.SceneDefId;
        scene["sceneRecordId"] = Task.SceneRecordId;
        scene["trackResult"] = Intent?.Old;
        scene["hangUp"] = HangUp;
        scene["secondaryCallTime"] = NoRedial;
        scene["secondaryCallTimes"] = 0;
        return scene;
    }

    /// <summary>The call's fields that B26's item and B28's sceneInstance share, added in their documented order.</summary>
    private void AddCallFields(JsonObject target)
    {
        target["customerTelephone"] = Phone;
        target["customerName"] = Name;
        target["status"] = 2;
        target["finishStatus"] = FinishStatus;
        target["duration"] = Duration;
        target["chatRound"] = ChatRound;
        target["startTime"] = Format(Start);
        target["endTime"] = Format(End);
        target["callerPhone"] = CallerPhone;
        target["luyinOssUrl"] = RecordingUrl;
    }

    /// <summary>phoneLogInfo's taskResult: only B28's documented fields.</summary>
    internal JsonArray TaskResult() => new(Results().Select((r, i) => (JsonNode)new JsonObject
    {
        ["sceneInstanceResultId"] = CallInstanceId * 10 + i,
        ["companyId"] = Task.CompanyId,
        ["sceneInstanceId"] = CallInstanceId,
        ["resultName"] = r.Name,
        ["resultValue"] = r.Value,
        ["resultDesc"] = Describe(r.Name),
    }).ToArray());

    /// <summary>The callback's taskResult: B28's fields plus the alias and new wording of the level and the tag's labels.</summary>
    internal JsonArray CallbackTaskResult()
    {
        var results = TaskResult();
        foreach (var node in results)
        {
            var item = (JsonObject)node!;
            item["callJobId"] = Task.Id;
            item["artificialResultValue"] = null;
            item["artificialChanged"] = 0;
            if (Intent is { } intent && (string?)item["resultName"] == "客户意向等级")
            {
                item["resultValueAlias"] = intent.Alias.ToString();
                item["resultValueNew"] = intent.New;
            }
            else if (Tag is { } tag)
            {
                item["resultLabels"] = new JsonArray(new JsonObject { ["key"] = tag.Key, ["value"] = tag.Label });
            }

            item["gmtCreate"] = Format(End);
            item["gmtModified"] = Format(End);
        }

        return results;
    }

    /// <summary>phoneLog: B28 gives aiUnknown as 0/1, the callback as a boolean with a few more fields per utterance.</summary>
    internal JsonObject PhoneLog(bool forCallback) => new()
    {
        ["phoneLogs"] = new JsonArray(Utterances.Select((u, i) =>
        {
            var log = new JsonObject
            {
                ["sceneInstanceLogId"] = CallInstanceId * 10 + i,
                ["sceneInstanceId"] = CallInstanceId,
                ["speaker"] = u.Robot ? "AI" : "ME",
                ["content"] = u.Content,
                ["userMean"] = u.UserMean,
                ["userMeanDetail"] = u.UserMean is null ? null : JsonAnswer.Text(new JsonObject { ["branch"] = u.UserMean, ["matchType"] = "keyword" }),
                ["aiUnknown"] = forCallback ? JsonValue.Create(false) : JsonValue.Create(0),
                ["startTime"] = u.StartMs,
                ["endTime"] = u.EndMs,
            };
            if (forCallback)
            {
                log["companyId"] = Task.CompanyId;
                log["robotDefId"] = Task.RobotDefId;
                log["decisionId"] = 100 + i;
                log["answerStatus"] = 0;
                log["studyStatus"] = 0;
                log["knowledgeBaseId"] = null;
                log["correctionContent"] = null;
                log["gmtCreate"] = Format(Start);
                log["gmtModified"] = Format(End);
            }

            return (JsonNode)log;
        }).ToArray()),
        ["luyinOssUrl"] = RecordingUrl,
    };

    internal JsonObject PropertiesObject()
    {
        var properties = new JsonObject();
        foreach (var pair in Properties) properties[pair.Key] = pair.Value;
        return properties;
    }

    /// <summary>The "no redial" value the vendor's examples show (1970-01-01 …) <b>(inferred)</b>.</summary>
    private const string NoRedial = "1970-01-01 08:00:00";

    internal static string Format(DateTimeOffset time) => time.ToOffset(SandboxClock.China).ToString(Time, CultureInfo.InvariantCulture);

    private static string Describe(string resultName) => resultName == "客户意向等级" ? "按通话轮次与用户回答判定" : "命中标签规则";
}
