using System;
using System.Collections.Generic;

namespace OutboundPS.Import;

/// <summary>
/// The numbers one command must never send (-ExcludePhone, -ExcludePhonePath), read whole before any request and
/// matched on the national number that PhoneNumber's front end reads, so that however either side wrote a number
/// (+86 138-0013-8000, 0086…, full-width digits) it is the same entry. Kept in a <see cref="PhoneSet"/>: a million
/// numbers cost a few megabytes, not the hundred a set of strings would.
/// </summary>
internal sealed class DoNotCallList
{
    /// <summary>The code a row or call left out for being on the list carries (OutboundImportRow.Code, the not-accepted CSV's Code).</summary>
    internal const string Code = "DoNotCall";

    /// <summary>Why such a row was not sent: its Reason in the not-accepted CSV and its Error with -PassThru.</summary>
    internal const string Reason = "DoNotCall: the number is on the do-not-call list (-ExcludePhone, -ExcludePhonePath), so it was not sent.";

    private readonly PhoneSet _phones = new();

    /// <summary>Distinct numbers on the list.</summary>
    internal long Count => _phones.Count;

    /// <summary>
    /// Entries with another country code, left out of the list: OutboundPS never dials outside mainland China, so no row
    /// or call can match them, and refusing the whole list for them would protect no one. The cmdlet says how many.
    /// </summary>
    internal long Foreign { get; private set; }

    /// <summary>
    /// Reads every number given; null when none was (no list). An entry that is not a number ends it with an error naming
    /// the parameter, the file and line, and the value: a list that cannot be read whole protects no one.
    /// </summary>
    internal static DoNotCallList? Load(IReadOnlyList<string>? phones, IReadOnlyList<string>? paths)
    {
        if ((phones is null || phones.Count == 0) && (paths is null || paths.Count == 0)) return null;
        var list = new DoNotCallList();
        if (phones is not null)
        {
            for (var i = 0; i < phones.Count; i++)
            {
                if (!list.TryAdd(phones[i], out var problem, out var fix))
                    throw OutboundErrors.InvalidArgument("ExcludePhone", phones[i],
                        $"(number {i + 1} of the list) {problem}", $"{fix}, or leave it out. {NothingSent}");
            }
        }

        if (paths is not null)
        {
            foreach (var path in paths)
                DoNotCallFile.Read(path, (value, line) =>
                {
                    if (!list.TryAdd(value, out var problem, out var fix))
                        throw OutboundErrors.DoNotCallEntry(path, line, value, problem, $"{fix}, or remove the line. {NothingSent}");
                });
        }

        return list;
    }

    private const string NothingSent = "The list is read whole before anything is sent, so nothing was.";

    /// <summary>Whether a phone as given in an input row is on the list.</summary>
    internal bool Contains(string? text)
    {
        if (!PhoneNumber.TryRead(text, out var national, out _)) return false;
        national = DialForm(national);
        return national.Length is > 0 and <= PhoneSet.MaxDigits && _phones.Contains(national);
    }

    /// <summary>
    /// What Invoke-OutboundCall returns for a number on the list instead of calling it: not accepted, with the reason,
    /// and the number as the list matched it (national digits).
    /// </summary>
    internal static OutboundCallResult NotCalled(OutboundVendor vendor, string? rawPhone, string? name) =>
        new(vendor, PhoneNumber.TryRead(rawPhone, out var national, out _) ? national : rawPhone ?? string.Empty)
        {
            Name = name,
            Accepted = false,
            Code = Code,
            // Short enough for the default view's 40-column Message.
            Message = "not called: on the do-not-call list",
        };

    /// <summary>Adds one entry as given; false with what is wrong when it is not a number.</summary>
    private bool TryAdd(string? text, out string problem, out string fix)
    {
        problem = fix = string.Empty;
        if (!PhoneNumber.TryRead(text, out var national, out var refusal))
        {
            if (string.Equals(refusal.Problem, PhoneNumber.ForeignProblem, StringComparison.Ordinal))
            {
                Foreign++;
                return true;
            }

            problem = refusal.Problem!;
            fix = refusal.Fix!.TrimEnd('.');
            return false;
        }

        national = DialForm(national);
        if (national.Length == 0 || national.Length > PhoneSet.MaxDigits)
        {
            problem = national.Length == 0
                ? "has no digits after its country code."
                : $"has {national.Length} digits, more than any mainland number ({PhoneSet.MaxDigits} at most, a landline with its area code).";
            fix = "Correct the number";
            return false;
        }

        _phones.Add(national);
        return true;
    }

    /// <summary>
    /// The form a customer's number takes when the list's entry is written in a way no row is: a country code without
    /// + or 00 ("86 10 12345678", "8675512345678"), or a 0 dialled before a mobile ("013800138000"). A row reads as
    /// 010…, 0755… or 138…, so the entry must too, or it would never match and the customer would be called.
    /// </summary>
    private static string DialForm(string national)
    {
        if (PhoneNumber.HasDialShape(national)) return national;
        if (national.Length > 2 && national.StartsWith("86", StringComparison.Ordinal))
        {
            var rest = national.Substring(2);
            var candidate = rest[0] == '0' || (rest.Length == 11 && rest[0] == '1') ? rest : "0" + rest;
            if (PhoneNumber.HasDialShape(candidate)) return candidate;
        }

        return national.Length == 12 && national[0] == '0' && PhoneNumber.HasDialShape(national.Substring(1)) ? national.Substring(1) : national;
    }
}
