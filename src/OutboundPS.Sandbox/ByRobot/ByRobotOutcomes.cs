using System;
using System.Collections.Generic;

namespace OutboundPS.Sandbox.ByRobot;

/// <summary>How the BYRobot simulator draws a call's finishStatus and intent level from the number (PhoneDigits).</summary>
public sealed partial class ByRobotSimulator
{
    /// <summary>The finishStatus codes of calls not answered (docs/vendors/byrobot.md#finish-status), chosen by the two digits before the last, mod 12.</summary>
    public static IReadOnlyList<int> UnansweredFinishStatuses { get; } = new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 22 };

    /// <summary>Intent levels: letter, old wording (resultValue), new wording (resultValueNew).</summary>
    internal static readonly (char Alias, string Old, string New)[] IntentLevels =
    {
        ('A', "A级(较强)", "A级(有明确意向)"),
        ('B', "B级(一般)", "B级(可能有意向)"),
        ('C', "C级(很少)", "C级(明确拒绝)"),
        ('D', "D级(需筛选)", "D级(用户忙)"),
        ('E', "E级(需要再次跟进)", "E级(拨打失败)"),
        ('F', "F级(无需跟进)", "F级(无效客户)"),
    };

    /// <summary>The finishStatus the sandbox gives a number: 0 when it answers, else one of <see cref="UnansweredFinishStatuses"/>.</summary>
    public static int FinishStatusOf(string phone) =>
        DiallingProgress.Answers(phone) ? 0 : UnansweredFinishStatuses[PhoneDigits.CodeDigits(phone) % UnansweredFinishStatuses.Count];

    /// <summary>The intent level (A–F) of a number's call, or null when it does not answer (only answered calls are analysed).</summary>
    public static char? IntentOf(string phone) => DiallingProgress.Answers(phone) ? PhoneDigits.Intent(phone) : null;

    /// <summary>
    /// A mobile number the sandbox dials to <paramref name="finishStatus"/> (and, when answered, to <paramref name="intent"/>);
    /// different <paramref name="variant"/>s (0–9999) give different numbers with the same outcome.
    /// </summary>
    public static string PhoneFor(int finishStatus, char intent = 'A', int variant = 0)
    {
        if (finishStatus == 0) return PhoneDigits.Phone(0, intent, answers: true, variant);
        var index = Array.IndexOf((int[])UnansweredFinishStatuses, finishStatus);
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(finishStatus), finishStatus, "Not a documented finishStatus.");
        return PhoneDigits.Phone(index, intent, answers: false, variant);
    }
}
