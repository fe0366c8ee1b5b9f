namespace OutboundPS.Sandbox;

/// <summary>
/// The digits of a dialled number that fix its simulated outcome, the same for every vendor, so a test picks a result
/// by picking a number: the last digit decides whether it answers (0, 3, 6, 9 do not: DiallingProgress.Answers), the
/// two digits before it choose the vendor's result code, the digit before those the intent level A–F of an answered
/// call (digit mod 6: 0 and 6 A, 1 and 7 B, …). Everything else about a call (duration, transcript length…) comes
/// from DialAttempt.Seed.
/// </summary>
internal static class PhoneDigits
{
    internal const string Levels = "ABCDEF";

    /// <summary>The two digits before the last, as a number 0–99.</summary>
    internal static int CodeDigits(string phone) => Digit(phone, 3) * 10 + Digit(phone, 2);

    /// <summary>The intent letter of an answered call.</summary>
    internal static char Intent(string phone) => Levels[Digit(phone, 4) % Levels.Length];

    /// <summary>An 11-digit mobile whose digits give the chosen outcome: 138 + 4 digits of variant + intent digit + code digits + answer digit.</summary>
    internal static string Phone(int codeDigits, char intent, bool answers, int variant) =>
        "138" + (variant % 10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture)
        + Levels.IndexOf(intent).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + codeDigits.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + (answers ? "1" : "0");

    /// <summary>The n-th digit from the end (1 = last), 0 when the number is shorter or has no digit there.</summary>
    private static int Digit(string phone, int fromEnd)
    {
        var i = phone.Length - fromEnd;
        return i >= 0 && phone[i] is >= '0' and <= '9' ? phone[i] - '0' : 0;
    }
}
