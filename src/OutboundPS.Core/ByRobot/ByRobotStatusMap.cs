using System.Collections.Generic;
using System.Linq;

namespace OutboundPS.ByRobot;

/// <summary>BYRobot task status codes 0–10 (vendor-api.md 3.1.3) onto the unified status.</summary>
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

    /// <summary>States in which BYRobot's task/update is refused (vendor-api.md B20: only tasks that are not running).</summary>
    internal static bool IsRunning(OutboundTaskStatus status) =>
        status is OutboundTaskStatus.Running or OutboundTaskStatus.Starting or OutboundTaskStatus.Queued;
}
