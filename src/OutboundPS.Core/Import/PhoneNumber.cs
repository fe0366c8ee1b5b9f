namespace OutboundPS.Import;

/// <summary>Normalizes and validates mainland China numbers: mobile 1[3-9]+9 digits, or a landline with its area code.</summary>
internal static class PhoneNumber
{
    /// <summary>Returns the normalized number, or null when the text is not a valid number.</summary>
    internal static string? Normalize(string? text)
    {
        if (text is null) return null;
        // Most exports already hold clean mobiles: keep those strings rather than copying them.
        if (text.Length == 11 && IsMobile(text) && AllDigits(text)) return text;
        var digits = new char[text.Length];
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '0' && c <= '9') digits[count++] = c;
            else if (c == '+' && count == 0) continue;
            else if (c is ' ' or '-' or '\t' or '(' or ')' or '\u00A0') continue;
            else return null;
        }

        var start = 0;
        // +86 / 0086 country prefixes; only strip them when what remains is a full number.
        if (text.TrimStart().StartsWith("+86", System.StringComparison.Ordinal) && count > 2) start = 2;
        else if (count > 4 && digits[0] == '0' && digits[1] == '0' && digits[2] == '8' && digits[3] == '6') start = 4;
        var length = count - start;
        var number = new string(digits, start, length);
        return IsMobile(number) || IsLandline(number) ? number : null;
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
            if (c < '0' || c > '9') return false;
        return true;
    }

    private static bool IsMobile(string number) =>
        number.Length == 11 && number[0] == '1' && number[1] >= '3' && number[1] <= '9';

    /// <summary>0 + 2–3 digit area code + 7–8 digit subscriber number: 10 to 12 digits in all.</summary>
    private static bool IsLandline(string number) =>
        number.Length is >= 10 and <= 12 && number[0] == '0' && number[1] != '0';
}
