using System.Collections.Generic;

namespace OutboundPS.IFlytek;

/// <summary>yeta outbound result codes (task_result, docs/vendors/iflytek.md#call-results) onto the unified call outcome, current table.</summary>
internal static class IFlytekOutcomeMap
{
    internal static readonly IReadOnlyDictionary<int, CallOutcome> Map = new Dictionary<int, CallOutcome>
    {
        [-1] = CallOutcome.NoAnswer,    // 超时
        [0] = CallOutcome.Answered,     // 成功
        [2] = CallOutcome.Busy,         // 正在通话中
        [3] = CallOutcome.Unreachable,  // 无法接通
        [4] = CallOutcome.PoweredOff,   // 关机
        [5] = CallOutcome.Busy,         // 用户正忙
        [6] = CallOutcome.Unreachable,  // 空号
        [7] = CallOutcome.Unreachable,  // 号码错误
        [8] = CallOutcome.Rejected,     // 用户拒接
        [9] = CallOutcome.Unreachable,  // 停机
        [15] = CallOutcome.Answered,    // 客户接听后并主动挂机
        [16] = CallOutcome.Answered,    // 客户掉线 (after answering)
        [18] = CallOutcome.Answered,    // 接通
        [19] = CallOutcome.Answered,    // 转人工
        [20] = CallOutcome.NoAnswer,    // 用户未接
        [22] = CallOutcome.NoAnswer,    // 来电提醒 (the doc lists it under 用户未接)
        [23] = CallOutcome.Blocked,     // 呼入限制
        [25] = CallOutcome.Unreachable, // 呼叫转移 (failed)
        [26] = CallOutcome.LineError,   // 网络故障
        [27] = CallOutcome.LineError,   // 呼出受限
        [28] = CallOutcome.LineError,   // 线路故障
    };

    internal static CallOutcome ToOutcome(int? taskResult) =>
        taskResult is { } code && Map.TryGetValue(code, out var outcome) ? outcome : CallOutcome.Unknown;
}
