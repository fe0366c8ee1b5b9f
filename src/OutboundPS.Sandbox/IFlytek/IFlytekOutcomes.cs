using System;
using System.Collections.Generic;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>How the yeta simulator draws a call's task_result and intent tag from the number (PhoneDigits).</summary>
public sealed partial class IFlytekSimulator
{
    /// <summary>task_result codes of calls not answered (docs/vendors/iflytek.md#call-result-codes), chosen by the two digits before the last, mod 16.</summary>
    public static IReadOnlyList<int> UnansweredResults { get; } = new[] { -1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 22, 23, 25, 26, 27, 28 };

    /// <summary>task_result codes of answered calls (time_answer set), chosen by the two digits before the last, mod 10: mostly 0.</summary>
    public static IReadOnlyList<int> AnsweredResults { get; } = new[] { 0, 0, 0, 0, 0, 0, 15, 16, 18, 19 };

    private static readonly Dictionary<int, string> ResultTexts = new()
    {
        [-1] = "超时", [0] = "成功", [2] = "正在通话中", [3] = "无法接通", [4] = "关机", [5] = "用户正忙", [6] = "空号", [7] = "号码错误",
        [8] = "用户拒接", [9] = "停机", [15] = "客户接听后并主动挂机", [16] = "客户掉线", [18] = "接通", [19] = "转人工", [20] = "用户未接",
        [22] = "来电提醒", [23] = "呼入限制", [25] = "呼叫转移", [26] = "网络故障", [27] = "呼出受限", [28] = "线路故障",
    };

    /// <summary>The task_result the sandbox gives a number.</summary>
    public static int TaskResultOf(string phone)
    {
        var digits = PhoneDigits.CodeDigits(phone);
        return DiallingProgress.Answers(phone) ? AnsweredResults[digits % AnsweredResults.Count] : UnansweredResults[digits % UnansweredResults.Count];
    }

    /// <summary>The intent tag (tag_max, A–F) of a number's call, or null when it does not answer.</summary>
    public static char? IntentOf(string phone) => DiallingProgress.Answers(phone) ? PhoneDigits.Intent(phone) : null;

    /// <summary>
    /// A mobile number the sandbox dials to <paramref name="taskResult"/> (and, when answered, to <paramref name="intent"/>);
    /// different <paramref name="variant"/>s (0–9999) give different numbers with the same outcome.
    /// </summary>
    public static string PhoneFor(int taskResult, char intent = 'A', int variant = 0)
    {
        var answered = Array.IndexOf((int[])AnsweredResults, taskResult);
        if (answered >= 0) return PhoneDigits.Phone(answered, intent, answers: true, variant);
        var index = Array.IndexOf((int[])UnansweredResults, taskResult);
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(taskResult), taskResult, "Not a documented task_result.");
        return PhoneDigits.Phone(index, intent, answers: false, variant);
    }

    private static string ResultText(int code) => ResultTexts[code];
}
