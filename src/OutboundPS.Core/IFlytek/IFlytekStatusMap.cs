using System.Collections.Generic;
using System.Linq;

namespace OutboundPS.IFlytek;

/// <summary>yeta task status codes 0–7 (docs/vendors/iflytek.md#task-status) onto the unified status.</summary>
internal static class IFlytekStatusMap
{
    private static readonly Dictionary<int, OutboundTaskStatus> Map = new()
    {
        [0] = OutboundTaskStatus.New,
        [1] = OutboundTaskStatus.Starting,
        [2] = OutboundTaskStatus.Running,
        [3] = OutboundTaskStatus.Paused,
        [4] = OutboundTaskStatus.Completed,
        [5] = OutboundTaskStatus.WaitingForRecall,
        [6] = OutboundTaskStatus.OutsideWorkingHours,
        [7] = OutboundTaskStatus.Expired,
    };

    internal static OutboundTaskStatus ToStatus(int? code, bool deleted) =>
        deleted ? OutboundTaskStatus.Deleted
        : code is { } value && Map.TryGetValue(value, out var status) ? status
        : OutboundTaskStatus.Unknown;

    /// <summary>The vendor codes that mean any of the given statuses; empty when none exists.</summary>
    internal static int[] ToCodes(IEnumerable<OutboundTaskStatus> statuses)
    {
        var wanted = new HashSet<OutboundTaskStatus>(statuses);
        return Map.Where(pair => wanted.Contains(pair.Value)).Select(pair => pair.Key).OrderBy(code => code).ToArray();
    }
}
