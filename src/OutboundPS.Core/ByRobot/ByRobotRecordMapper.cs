using System;
using System.Collections.Generic;
using System.Linq;
using OutboundPS.Import;

namespace OutboundPS.ByRobot;

/// <summary>
/// Turns BYRobot's list answers (finished numbers, numbers not dialled, missed callbacks) into OutboundCallRecord; a whole
/// call (phoneLogInfo, callbacks) is ByRobotCallRecordMapper's.
/// </summary>
internal static class ByRobotRecordMapper
{
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
            Region = PhoneInspection.RegionOf(item.CustomerTelephone),
            Name = item.CustomerName,
            Rounds = item.ChatRound,
            Tries = item.SecondaryCallTimes,
            RecordingUri = ByRobotCallRecordMapper.AbsoluteUri(item.LuyinOssUrl),
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
        Region = PhoneInspection.RegionOf(item.CustomerTelephone),
        Name = item.CustomerName,
        Tries = item.CalledTimes,
    };

    /// <summary>What queryUnCallBack says of a missed callback; phoneLogInfo fills in the rest.</summary>
    internal static OutboundCallRecord FromMissed(ByRobotMissedCallback item) => new(ByRobotVendor.Id)
    {
        TaskId = Id(item.CallJobId),
        CallId = Id(item.CallInstanceId),
        Phone = item.CustomerTelephone,
        Region = PhoneInspection.RegionOf(item.CustomerTelephone),
        Dialled = ByRobotSchedule.DateTime(item.CallerTime),
    };

    /// <summary>BYRobot reports when a call started and ended, not when it was answered, so Answered stays null (as in callbacks).</summary>
    private static void SetCall(OutboundCallRecord record, int? finishStatus, int? seconds, string? start, string? end)
    {
        record.VendorStatus = finishStatus;
        record.Outcome = ByRobotOutcomeMap.ToOutcome(finishStatus);
        record.Duration = seconds is { } s ? TimeSpan.FromSeconds(s) : null;
        record.Dialled = ByRobotSchedule.DateTime(start);
        record.HungUp = ByRobotSchedule.DateTime(end);
    }

    private static void SetAnalysis(OutboundCallRecord record, IEnumerable<(string? Name, string? Value)> results)
    {
        var tags = new List<string>();
        foreach (var (name, value) in results)
        {
            if (name == ByRobotCallRecordMapper.IntentDimension)
            {
                record.IntentLabel = value;
                record.Intent = IntentLevel.Letter(value);
            }
            else if (name == ByRobotCallRecordMapper.TagsDimension && !string.IsNullOrWhiteSpace(value))
            {
                // The list gives the tags' keys, as "[1,3]" (docs/vendors/byrobot.md#intent-level); their names are only in callbacks.
                tags.AddRange(value!.Trim().TrimStart('[').TrimEnd(']').Split(new[] { ',', '，' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(t => t.Trim().Trim('"')).Where(t => t.Length > 0));
            }
        }

        record.Tags = tags;
    }

    private static string Id(long? id) => ByRobotTaskMapper.Id(id);
}
