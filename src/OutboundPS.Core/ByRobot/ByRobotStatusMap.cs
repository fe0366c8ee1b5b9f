using System.Collections.Generic;
using System.Linq;

namespace OutboundPS.ByRobot;

/// <summary>BYRobot task status codes 0–10 (docs/vendors/byrobot.md#task-status) onto the unified status.</summary>
internal static class ByRobotStatusMap
{
    private static readonly Dictionary<int, OutboundTaskStatus> Map = new()
    {
        [0] = OutboundTaskStatus.New,
        [1] = OutboundTaskStatus.Running,
        [2] = OutboundTaskStatus.Completed,
        [3] = OutboundTaskStatus.Starting,
        [4] = OutboundTaskStatus.Paused,
        [5] = OutboundTaskStatus.SystemPaused,
        [6] = OutboundTaskStatus.Stopped,
        [7] = OutboundTaskStatus.Queued,
        [8] = OutboundTaskStatus.Expired,
        [9] = OutboundTaskStatus.SystemPaused,
        [10] = OutboundTaskStatus.SystemPaused,
    };

    internal static OutboundTaskStatus ToStatus(int? code) =>
        code is { } value && Map.TryGetValue(value, out var status) ? status : OutboundTaskStatus.Unknown;

    internal static int[] ToCodes(IEnumerable<OutboundTaskStatus> statuses)
    {
        var wanted = new HashSet<OutboundTaskStatus>(statuses);
        return Map.Where(pair => wanted.Contains(pair.Value)).Select(pair => pair.Key).OrderBy(code => code).ToArray();
    }

    /// <summary>
    /// Statuses 9 (line account in arrears) and 10 (SMS balance exhausted) pause a task until the account is topped
    /// up in the CRM (docs/vendors/byrobot.md#task-status): waiting for such a task only waits for the timeout.
    /// </summary>
    internal static OutboundException? StalledBy(OutboundTask task) => task.VendorStatus switch
    {
        9 => Arrears(task, "9 线路欠费: the caller line's account is in arrears", "Top up the line account"),
        10 => Arrears(task, "10 短信欠费: the SMS balance is exhausted", "Top up the SMS balance, or create tasks without -SendSms"),
        _ => null,
    };

    private static OutboundException Arrears(OutboundTask task, string status, string fix) =>
        new("OutboundPS.ByRobot.TaskInArrears", OutboundErrorKind.QuotaExceeded,
            $"BYRobot task {task.Id} is paused by the system, status {status}. It will not dial again until that is settled. " +
            $"{fix} in the BYRobot CRM, then Start-OutboundTask.")
        { Vendor = ByRobotVendor.Id, VendorCode = task.VendorStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture), TargetObject = task.Id, RecommendedAction = fix + ", then Start-OutboundTask." };

    /// <summary>States in which BYRobot's task/update is refused (only tasks that are not running: docs/vendors/byrobot.md#taskupdate).</summary>
    internal static bool IsRunning(OutboundTaskStatus status) =>
        status is OutboundTaskStatus.Running or OutboundTaskStatus.Starting or OutboundTaskStatus.Queued;
}
