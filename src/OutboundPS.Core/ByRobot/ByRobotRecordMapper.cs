using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace OutboundPS.ByRobot;

/// <summary>Turns BYRobot's finished-number, not-dialled, missed-callback and call-detail answers into OutboundCallRecord.</summary>
internal static class ByRobotRecordMapper
{
    /// <summary>The analysis dimension of the intent level (docs/vendors/byrobot.md#intent-level).</summary>
    internal const string IntentDimension = "客户意向等级";

    /// <summary>The analysis dimension of the customer's tags.</summary>
    internal const string TagDimension = "客户标签";

    /// <summary>The old wording queryDoneTaskPhones filters by, as in the doc's own example ("A级(较强)").</summary>
    internal static readonly IReadOnlyDictionary<string, string> IntentFilterWording = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["A"] = "A级(较强)",
        ["B"] = "B级(一般)",
        ["C"] = "C级(很少)",
        ["D"] = "D级(需筛选)",
        ["E"] = "E级(需要再次跟进)",
        ["F"] = "F级(无需跟进)",
    };

    internal static OutboundCallRecord FromDone(ByRobotDoneCall item)
    {
        var record = new OutboundCallRecord(ByRobotVendor.Id)
        {
            TaskId = Id(item.CallJobId),
            CallId = Id(item.CallInstanceId),
            Phone = item.CustomerTelephone,
            Name = item.CustomerName,
            Rounds = item.ChatRound,
            Tries = item.SecondaryCallTimes,
            RecordingUri = Recording(item.LuyinOssUrl),
        };
        SetCall(record, item.FinishStatus, item.Duration, item.StartTime, item.EndTime);
        SetAnalysis(record, (item.ResultList ?? Array.Empty<ByRobotResultItem>()).Select(r => (r.Name, r.Value)));
        return record;
    }

    /// <summary>A number the task has not dialled: who, and how often it was tried; no outcome yet.</summary>
    internal static OutboundCallRecord FromPending(ByRobotPendingCall item, string taskId) => new(ByRobotVendor.Id)
    {
        TaskId = taskId,
        CallId = Id(item.CallInstanceId),
        Phone = item.CustomerTelephone,
        Name = item.CustomerName,
        Tries = item.CalledTimes,
    };

    /// <summary>What queryUnCallBack says of a missed callback; phoneLogInfo fills in the rest.</summary>
    internal static OutboundCallRecord FromMissed(ByRobotMissedCallback item) => new(ByRobotVendor.Id)
    {
        TaskId = Id(item.CallJobId),
        CallId = Id(item.CallInstanceId),
        Phone = item.CustomerTelephone,
        Dialled = Time(item.CallerTime),
    };

    /// <summary>The whole record of phoneLogInfo: the call, its analysis, its variables and its transcript.</summary>
    internal static OutboundCallRecord FromDetail(ByRobotCallDetail detail, string callId)
    {
        var call = detail.SceneInstance ?? new ByRobotSceneInstance();
        var record = new OutboundCallRecord(ByRobotVendor.Id)
        {
            TaskId = call.CallJobId is null ? null : Id(call.CallJobId),
            CallId = call.CallInstanceId is null ? callId : Id(call.CallInstanceId),
            Phone = call.CustomerTelephone,
            Name = call.CustomerName,
            Rounds = call.ChatRound,
            Tries = call.SecondaryCallTimes,
            RecordingUri = Recording(call.LuyinOssUrl ?? detail.PhoneLog?.LuyinOssUrl),
            Variables = Properties(call.Properties),
            Transcript = (detail.PhoneLog?.PhoneLogs ?? Array.Empty<ByRobotUtterance>()).Select(Utterance).ToArray(),
        };
        SetCall(record, call.FinishStatus, call.Duration, call.StartTime, call.EndTime);
        SetAnalysis(record, (detail.TaskResult ?? Array.Empty<ByRobotTaskResult>()).Select(r => (r.ResultName, r.ResultValue)));
        return record;
    }

    /// <summary>
    /// startTime is when the call began and duration its talk time; BYRobot reports no separate answer time, so an
    /// answered call's Answered is its end less its duration.
    /// </summary>
    private static void SetCall(OutboundCallRecord record, int? finishStatus, int? seconds, string? start, string? end)
    {
        record.VendorStatus = finishStatus;
        record.Outcome = ByRobotOutcomeMap.ToOutcome(finishStatus);
        record.Duration = seconds is { } s ? TimeSpan.FromSeconds(s) : null;
        record.Dialled = Time(start);
        record.HungUp = Time(end);
        if (record.Outcome == CallOutcome.Answered && record.HungUp is { } hungUp && record.Duration is { } talk)
            record.Answered = hungUp - talk;
    }

    private static void SetAnalysis(OutboundCallRecord record, IEnumerable<(string? Name, string? Value)> results)
    {
        var tags = new List<string>();
        foreach (var (name, value) in results)
        {
            if (name == IntentDimension)
            {
                record.IntentLabel = value;
                record.Intent = IntentLevel.Letter(value);
            }
            else if (name == TagDimension && !string.IsNullOrWhiteSpace(value))
            {
                tags.AddRange(value!.Split(new[] { ',', '，' }, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()));
            }
        }

        record.Tags = tags;
    }

    private static CallUtterance Utterance(ByRobotUtterance line) =>
        new(line.Speaker == "ME" ? CallSpeaker.Customer : CallSpeaker.Robot, line.Content ?? string.Empty)
        {
            Offset = line.StartTime is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            Intent = string.IsNullOrEmpty(line.UserMean) ? null : line.UserMean,
        };

    /// <summary>properties is the import's variables as JSON text; a value that is not an object of strings is kept as its JSON.</summary>
    private static IReadOnlyDictionary<string, string> Properties(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return OutboundCallRecord.EmptyVariables;
        try
        {
            using var document = JsonDocument.Parse(json!);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return OutboundCallRecord.EmptyVariables;
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return OutboundCallRecord.EmptyVariables;
        }
    }

    private static Uri? Recording(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    internal static DateTimeOffset? Time(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new DateTimeOffset(time, VendorTime.ChinaOffset)
            : null;

    private static string Id(long? id) => ByRobotTaskMapper.Id(id);
}
