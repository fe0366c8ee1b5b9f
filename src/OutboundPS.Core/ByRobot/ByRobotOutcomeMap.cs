using System.Collections.Generic;

namespace OutboundPS.ByRobot;

/// <summary>BYRobot finish status codes (finishStatus, docs/vendors/byrobot.md#finish-status) onto the unified call outcome.</summary>
internal static class ByRobotOutcomeMap
{
    internal static readonly IReadOnlyDictionary<int, CallOutcome> Map = new Dictionary<int, CallOutcome>
    {
        [0] = CallOutcome.Answered,     // 已接听
        [1] = CallOutcome.Rejected,     // 拒接
        [2] = CallOutcome.Unreachable,  // 无法接通
        [3] = CallOutcome.LineError,    // 主叫号码不可用
        [4] = CallOutcome.Unreachable,  // 空号
        [5] = CallOutcome.PoweredOff,   // 关机
        [6] = CallOutcome.Busy,         // 占线
        [7] = CallOutcome.Unreachable,  // 停机
        [8] = CallOutcome.NoAnswer,     // 未接
        [9] = CallOutcome.LineError,    // 主叫欠费
        [10] = CallOutcome.LineError,   // 呼损
        [11] = CallOutcome.Blocked,     // 黑名单
        [22] = CallOutcome.LineError,   // 线路盲区
    };

    internal static CallOutcome ToOutcome(int? finishStatus) =>
        finishStatus is { } code && Map.TryGetValue(code, out var outcome) ? outcome : CallOutcome.Unknown;

    /// <summary>The finishStatus codes of the given outcomes, so that a single code can be left to queryDoneTaskPhones' filter.</summary>
    internal static int[] ToCodes(IEnumerable<CallOutcome> outcomes)
    {
        var wanted = new HashSet<CallOutcome>(outcomes);
        var codes = new List<int>();
        foreach (var pair in Map)
            if (wanted.Contains(pair.Value)) codes.Add(pair.Key);
        codes.Sort();
        return codes.ToArray();
    }
}
