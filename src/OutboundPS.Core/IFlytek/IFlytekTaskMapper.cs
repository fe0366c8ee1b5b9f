using System;
using System.Linq;

namespace OutboundPS.IFlytek;

/// <summary>Turns a task/query row into the unified OutboundTask.</summary>
internal static class IFlytekTaskMapper
{
    internal static OutboundTask ToTask(IFlytekTaskRow row, OutboundSession session)
    {
        var task = new OutboundTask(session, row.TaskId ?? string.Empty)
        {
            Name = row.TaskName,
            VendorStatus = row.Status,
            Status = IFlytekStatusMap.ToStatus(row.Status, row.Deleted == 1),
            RobotId = row.RobotId,
            // Several lines are joined with ';' (older accounts: ',').
            Lines = (row.LineNum ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Trim()).ToArray(),
            StartTime = VendorTime.FromEpochMilliseconds(row.TimeTaskEstimateBegin) ?? VendorTime.FromEpochMilliseconds(row.TimeTaskStart),
            EndTime = VendorTime.FromEpochMilliseconds(row.TimeTaskEstimateEnd) ?? VendorTime.FromEpochMilliseconds(row.TimeTaskFinish),
            WorkingHours = (row.TimeRange ?? Array.Empty<string>()).Select(TimeRange.TryParse).Where(r => r is not null).ToArray()!,
            RecallCount = row.CountMaxRecall,
            RecallInterval = row.TimeRecallWait is { } wait ? TimeSpan.FromSeconds(wait) : null,
            Total = row.CountTel,
            Called = row.ProcessTelCount,
            Connected = row.ProcessThroughCount,
            // Computed from the counts, as for BYRobot: the documents do not say whether process_through_rate is a
            // fraction or a percentage, and clients disagree on its type (docs/vendors/iflytek.md#quirk-through-rate).
            ConnectRate = OutboundTask.RateOf(row.ProcessTelCount, row.ProcessThroughCount),
            Remaining = row.Remaining ?? (row.CountTel - row.ProcessTelCount),
        };
        return task;
    }
}
