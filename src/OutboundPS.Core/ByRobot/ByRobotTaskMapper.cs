using System;
using System.Globalization;
using System.Linq;

namespace OutboundPS.ByRobot;

/// <summary>Turns a getTasks / getTaskDetail item into the unified OutboundTask.</summary>
internal static class ByRobotTaskMapper
{
    internal static OutboundTask ToTask(ByRobotTaskItem item, OutboundSession session)
    {
        var (working, breaks) = ByRobotSchedule.ToWindows(item.WorkingStartTime, item.WorkingEndTime, item.BreakStartTime, item.BreakEndTime);
        var called = item.DoneCount;
        return new OutboundTask(session, Id(item.CallJobId))
        {
            Name = item.JobName,
            VendorStatus = item.Status,
            Status = ByRobotStatusMap.ToStatus(item.Status),
            Lines = (item.CallPhones ?? Array.Empty<ByRobotTaskPhone>()).Where(p => p.UserPhoneId is not null)
                .Select(p => Id(p.UserPhoneId)).ToArray(),
            StartTime = ByRobotSchedule.ParseDate(item.StartDate),
            WorkingHours = working,
            BreakHours = breaks,
            Total = item.TotalCount,
            Called = called,
            Connected = item.CalledCount,
            ConnectRate = OutboundTask.RateOf(called, item.CalledCount),
            Remaining = item.TotalCount - called,
        };
    }

    internal static string Id(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
