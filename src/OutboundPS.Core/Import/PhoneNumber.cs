using System.Text;
using System.Text.RegularExpressions;

namespace OutboundPS.Import;

/// <summary>What kind of number a phone text turned out to be.</summary>
internal enum PhoneKind
{
    /// <summary>Not a number OutboundPS will dial; <see cref="PhoneCheck.Problem"/> says why.</summary>
    Invalid,

    /// <summary>A mainland mobile: 11 digits in a range libphonenumber lists as mobile.</summary>
    Mobile,

    /// <summary>A mainland landline: trunk 0, area code, 7–8 digit local number, in a range libphonenumber lists as fixed line.</summary>
    Landline,
}

/// <summary>The result of reading one phone text: the number to dial, or why there is none.</summary>
internal readonly struct PhoneCheck
{
    private PhoneCheck(PhoneKind kind, string? number, string? problem, string? fix)
    {
        Kind = kind;
        Number = number;
        Problem = problem;
        Fix = fix;
    }

    internal PhoneKind Kind { get; }

    /// <summary>Digits only, national form (no country code).</summary>
    internal string? Number { get; }

    /// <summary>Why the text is not a number to dial, phrased to follow the quoted value.</summary>
    internal string? Problem { get; }

    /// <summary>What the user can do about it, without a full stop: the caller says what comes next (import the row again, call).</summary>
    internal string? Fix { get; }

    internal static PhoneCheck Valid(PhoneKind kind, string number) => new(kind, number, null, null);

    internal static PhoneCheck Invalid(string problem, string fix) => new(PhoneKind.Invalid, null, problem, fix);
}

/// <summary>
/// Reads mainland China numbers as people type and export them, and refuses anything that would dial someone
/// the user did not mean: a foreign country code is never stripped into a mainland-looking number.
/// </summary>
internal static class PhoneNumber
{
    private const string RetypeFix = "Correct the number";

    /// <summary>Why a number with another country code is refused; a do-not-call list tells such entries by it.</summary>
    internal const string ForeignProblem =
        "is an international number outside mainland China (its country code is not +86); OutboundPS dials only mainland numbers.";
    private const string ServiceFix = "Give the customer's own mobile or landline number";
    private const string UnassignedFix =
        "Check the number with the customer (if the range was assigned after that release, -AllowUnassignedRange accepts it)";

    // Excel shows long numbers as 1.38E+10 and, once saved, keeps only those digits.
    private static readonly Regex ScientificNotation = new(@"^\d([.,]\d+)?[eE]\+?\d+$", RegexOptions.CultureInvariant);

    /// <summary>Reads one phone text: the front end, then whether the number is one to dial.</summary>
    /// <param name="text">The number as given.</param>
    /// <param name="allowUnassignedRange">
    /// Dial a mobile or landline whose range libphonenumber's metadata does not list (-AllowUnassignedRange): ranges
    /// are assigned before a library update reaches the user.
    /// </param>
    internal static PhoneCheck Check(string? text, bool allowUnassignedRange = false)
    {
        // Most exports already hold clean mobiles: judge those without copying.
        if (text is { Length: 11 } && IsMobile(text) && AllDigits(text)) return InRange(text, PhoneKind.Mobile, allowUnassignedRange);
        return TryRead(text, out var national, out var refusal) ? Classify(national, allowUnassignedRange) : refusal;
    }

    /// <summary>
    /// The front end alone: what people type and export, read into national digits, without judging whether
    /// such a number exists. Matching against a do-not-call list uses this, so that a listed number is found
    /// however it was written, even in a range that would not be dialled.
    /// </summary>
    internal static bool TryRead(string? text, out string national, out PhoneCheck refusal)
    {
        refusal = default;
        // Most exports already hold clean mobiles: those read as themselves, without a copy.
        if (text is { Length: 11 } && text[0] == '1' && AllDigits(text))
        {
            national = text;
            return true;
        }

        national = string.Empty;
        var trimmed = Narrow(text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            refusal = PhoneCheck.Invalid("is empty.", "Fill in the customer's number");
            return false;
        }

        var digits = new StringBuilder(trimmed.Length);
        var plus = false;
        foreach (var c in trimmed)
        {
            if (c is >= '0' and <= '9') digits.Append(c);
            else if (c == '+' && digits.Length == 0 && !plus) plus = true;
            else if (c is ' ' or '-' or '.' or '(' or ')' or '\t' or '/') continue;
            else
            {
                refusal = Refuse(trimmed, c);
                return false;
            }
        }

        var all = digits.ToString();
        if (plus || all.StartsWith("00", System.StringComparison.Ordinal))
        {
            var international = plus ? all : all.Substring(2);
            if (!international.StartsWith("86", System.StringComparison.Ordinal))
            {
                refusal = PhoneCheck.Invalid(ForeignProblem,
                    "Remove the row, or give the customer's mainland number.");
                return false;
            }

            national = FromInternational(international.Substring(2));
            return true;
        }

        // 86 + 11-digit mobile: the country code written without + or 00.
        national = all.Length == 13 && all.StartsWith("861", System.StringComparison.Ordinal) ? all.Substring(2) : all;
        return true;
    }

    /// <summary>Why a text with a character no phone number has is refused; scientific notation always has one (e, E).</summary>
    private static PhoneCheck Refuse(string text, char character) =>
        ScientificNotation.IsMatch(text)
            ? PhoneCheck.Invalid("is in scientific notation, as Excel shows long numbers; the digits after the first few are lost.",
                "Format the column as Text in Excel (or export it from the source system again)")
            : PhoneCheck.Invalid($"contains '{character}', which is not part of a phone number (an extension or a note?).", RetypeFix);

    /// <summary>After +86 a landline drops its trunk 0 (+86 10 …); people also keep it (+86 010 …).</summary>
    private static string FromInternational(string national) =>
        national.Length == 0 || national[0] == '0' || (national.Length == 11 && IsMobile(national)) ? national : "0" + national;

    /// <summary>
    /// Shape first (a mobile's 11 digits, a landline's area code and 7–8 digit number), then libphonenumber decides
    /// whether the range is assigned and what kind it is; service numbers are named so the user knows what they are.
    /// </summary>
    private static PhoneCheck Classify(string number, bool allowUnassignedRange)
    {
        if (number.Length == 11 && IsMobile(number)) return InRange(number, PhoneKind.Mobile, allowUnassignedRange);
        if (number.Length > 0 && number[0] == '0' && IsLandline(number)) return InRange(number, PhoneKind.Landline, allowUnassignedRange);
        if (PhoneRanges.IsShortCode(number, out var emergency))
            return PhoneCheck.Invalid(emergency
                    ? "is an emergency number, never a customer's."
                    : "is a short service code (like 95588 or 10086): it reaches a company's or a carrier's hotline, not a customer.",
                ServiceFix);
        if (number.Length == 10 && number[0] is '4' or '8' && ServiceProblem(PhoneRanges.AskLibrary(number)) is { } service)
            return PhoneCheck.Invalid(service, ServiceFix);
        if (number.Length > 0 && number[0] == '1')
            return PhoneCheck.Invalid("is not a mainland mobile (1[3-9] followed by 9 more digits).", RetypeFix);
        if (number.Length > 0 && number[0] == '0')
            return PhoneCheck.Invalid("is not a landline with a valid area code (010, 02x or 0[3-9]xx) and a 7–8 digit number.", RetypeFix);
        if (number.Length is 7 or 8)
            return PhoneCheck.Invalid("has no area code.", "Add the area code (for example 010 or 0551)");
        return PhoneCheck.Invalid("is not a mainland China mobile or landline number.", RetypeFix);
    }

    /// <summary>A number of the right shape: what the library knows of its range decides.</summary>
    private static PhoneCheck InRange(string number, PhoneKind shape, bool allowUnassignedRange)
    {
        var kind = PhoneRanges.Kind(number);
        if ((kind == RangeKind.Mobile && shape == PhoneKind.Mobile) || (kind == RangeKind.Landline && shape == PhoneKind.Landline))
            return PhoneCheck.Valid(shape, number);
        if (kind == RangeKind.Unassigned)
            return allowUnassignedRange
                ? PhoneCheck.Valid(shape, number)
                : PhoneCheck.Invalid(UnassignedProblem(number, shape), UnassignedFix);
        return PhoneCheck.Invalid(ServiceProblem(kind) ?? "is not a mainland China mobile or landline number.", ServiceFix);
    }

    /// <summary>Why a number in a range the metadata does not list is refused: the range and the library's version.</summary>
    private static string UnassignedProblem(string number, PhoneKind shape) =>
        $"is in {(shape == PhoneKind.Mobile ? "the mobile range" : "the landline range")} {PhoneRanges.Describe(number)}, " +
        $"which libphonenumber {PhoneRanges.LibraryVersion} does not list as assigned.";

    /// <summary>What a service number is, in words; null for the kinds a customer can have.</summary>
    private static string? ServiceProblem(RangeKind kind) => kind switch
    {
        RangeKind.SharedCost => "is a 400 number (shared cost): it reaches a company's service line, not a customer.",
        RangeKind.TollFree => "is an 800 number (toll-free): it reaches a company's service line, not a customer.",
        RangeKind.OtherService => "is a service number (premium rate, VoIP or the like), not a customer's mobile or landline.",
        _ => null,
    };

    /// <summary>Whether national digits have a mobile's or a landline's shape, whatever their range.</summary>
    internal static bool HasDialShape(string national) =>
        (national.Length == 11 && IsMobile(national)) || (national.Length > 0 && national[0] == '0' && IsLandline(national));

    private static bool IsMobile(string number) => number[0] == '1' && number[1] >= '3' && number[1] <= '9';

    /// <summary>010 and 02x are the three-digit area codes; every other one is 0[3-9]xx. Subscriber numbers never start with 0.</summary>
    private static bool IsLandline(string number)
    {
        if (number.Length < 10) return false;
        var areaLength = number[1] is '1' or '2' ? 3 : number[1] >= '3' ? 4 : 0;
        if (areaLength == 0 || (number[1] == '1' && number[2] != '0')) return false;
        var subscriber = number.Length - areaLength;
        return subscriber is 7 or 8 && number[areaLength] != '0';
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
            if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>Full-width digits and punctuation (Chinese input methods) and other spaces as their ASCII forms.</summary>
    private static string Narrow(string text)
    {
        var wide = false;
        foreach (var c in text) wide |= c > '\u007F';
        if (!wide) return text;
        var narrow = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            narrow.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F' => ' ',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                _ => c,
            });
        }

        return narrow.ToString();
    }
}
