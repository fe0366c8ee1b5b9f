using System;
using System.Collections.Generic;
using System.Text.Json;
using OutboundPS.Import;
using OutboundPS.Json;

namespace OutboundPS.ByRobot;

/// <summary>
/// A BYRobot call — sceneInstance, taskResult[] and phoneLog, as in callbacks and in task/phoneLogInfo
/// (docs/vendors/byrobot.md#taskphoneloginfo) — into the unified call record.
/// </summary>
internal static class ByRobotCallRecordMapper
{
    /// <summary>The analysis dimension of the intent level (docs/vendors/byrobot.md#intent-level).</summary>
    internal const string IntentDimension = "客户意向等级";

    /// <summary>The analysis dimension of the customer's tags.</summary>
    internal const string TagsDimension = "客户标签";

    /// <param name="call">The sceneInstance.</param>
    /// <param name="container">The object holding sceneInstance, taskResult and phoneLog.</param>
    /// <param name="idName">callInstanceId, or inboundInstanceId for inbound calls (docs/vendors/byrobot.md#inbound_call_instance_result).</param>
    internal static OutboundCallRecord ToRecord(JsonElement call, JsonElement container, string idName)
    {
        var finishStatus = call.Int32("finishStatus");
        var results = container.Array("taskResult");
        var (letter, label) = IntentOf(results);
        var phoneLog = container.Object("phoneLog");
        return new OutboundCallRecord(ByRobotVendor.Id)
        {
            TaskId = call.Text("callJobId"),
            CallId = call.Text(idName) ?? call.Text("callInstanceId"),
            // BYRobot's id of the customer in the task; it has no row id like yeta's task_data_id.
            DataId = call.Text("customerId"),
            Phone = call.Text("customerTelephone"),
            Region = PhoneInspection.RegionOf(call.Text("customerTelephone")),
            Name = call.Text("customerName"),
            VendorStatus = finishStatus,
            Outcome = ByRobotOutcomeMap.ToOutcome(finishStatus),
            Intent = letter,
            IntentLabel = label,
            Tags = TagsOf(results),
            // Seconds; old examples send "27" or "27秒" (docs/vendors/byrobot.md#ids-numbers-and-times).
            Duration = call.Int64("duration") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Rounds = call.Int32("chatRound"),
            // BYRobot reports when the call started and ended, not when it was answered.
            Dialled = ByRobotSchedule.DateTime(call.Text("startTime")),
            HungUp = ByRobotSchedule.DateTime(call.Text("endTime")),
            Tries = call.Int32("secondaryCallTimes"),
            RecordingUri = AbsoluteUri(call.Text("luyinOssUrl") ?? phoneLog?.Text("luyinOssUrl")),
            Variables = VariablesOf(call),
            Transcript = phoneLog?.Array("phoneLogs") is { } lines ? TranscriptOf(lines) : null,
        };
    }

    /// <summary>
    /// The intent level: the letter from resultValueAlias, else the letter the wording starts with; the label in the
    /// new wording when given (docs/vendors/byrobot.md#quirk-intent-wording). A manual correction wins.
    /// </summary>
    internal static (string? Letter, string? Label) IntentOf(JsonElement? results)
    {
        foreach (var result in Each(results))
        {
            if (result.Text("resultName") != IntentDimension) continue;
            var label = result.Text("resultValueNew") ?? result.Text("resultValue");
            var letter = IntentLevel.Letter(result.Text("resultValueAlias")) ?? IntentLevel.Letter(label) ?? IntentLevel.Letter(result.Text("resultValue"));
            if (result.Bool("artificialChanged") == true && result.Text("artificialResultValue") is { } corrected)
                return (IntentLevel.Letter(corrected) ?? letter, corrected);
            return (letter, label);
        }

        return (null, null);
    }

    /// <summary>客户标签: the tag names are in resultLabels[].value; resultValue only lists their keys ("[1]").</summary>
    private static IReadOnlyList<string> TagsOf(JsonElement? results)
    {
        var tags = new List<string>();
        foreach (var result in Each(results))
        {
            if (result.Text("resultName") != TagsDimension || result.Array("resultLabels") is not { } labels) continue;
            foreach (var tag in labels.EnumerateArray())
                if (tag.Text("value") is { } value) tags.Add(value);
        }

        return tags.Count == 0 ? Array.Empty<string>() : tags;
    }

    /// <summary>propertiesMap when the callback has it; otherwise properties, a JSON object inside a string.</summary>
    private static IReadOnlyDictionary<string, string> VariablesOf(JsonElement call)
    {
        if ((call.Object("propertiesMap") ?? call.Object("properties")) is not { } map) return OutboundCallRecord.EmptyVariables;
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in map.EnumerateObject())
            variables[property.Name] = property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                ? property.Value.GetRawText()
                : JsonFields.AsText(property.Value) ?? string.Empty;
        return variables;
    }

    /// <summary>phoneLogs: speaker AI is the robot, ME the customer; startTime is milliseconds into the recording (inferred).</summary>
    private static IReadOnlyList<CallUtterance> TranscriptOf(JsonElement lines)
    {
        var transcript = new List<CallUtterance>();
        foreach (var line in lines.EnumerateArray())
        {
            CallSpeaker? speaker = line.Text("speaker")?.Trim().ToUpperInvariant() switch
            {
                "AI" => CallSpeaker.Robot,
                "ME" => CallSpeaker.Customer,
                _ => null,
            };
            if (speaker is null) continue;
            transcript.Add(new CallUtterance(speaker.Value, line.Text("content") ?? string.Empty)
            {
                Offset = line.Int64("startTime") is { } start and >= 0 ? TimeSpan.FromMilliseconds(start) : null,
                Intent = line.Text("userMean"),
            });
        }

        return transcript;
    }

    internal static Uri? AbsoluteUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static IEnumerable<JsonElement> Each(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray() : Array.Empty<JsonElement>();
}
