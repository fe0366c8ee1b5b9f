namespace OutboundPS.Import;

/// <summary>Test-OutboundPhone's answer for one number: the dial check the import makes, told in full.</summary>
internal static class PhoneInspection
{
    internal static OutboundPhoneCheck Inspect(object? input, string? text, bool allowUnassignedRange, RegionLanguage language)
    {
        var result = new OutboundPhoneCheck(input, text);
        var check = PhoneNumber.Check(text, allowUnassignedRange);
        result.Valid = check.Kind != PhoneKind.Invalid;
        if (!result.Valid) result.Reason = $"'{text}' {check.Problem} {check.Fix!.TrimEnd('.')}.";
        if (!PhoneNumber.TryRead(text, out var national, out _))
        {
            result.Kind = OutboundPhoneKind.Invalid;
            return result;
        }

        result.National = national;
        result.Kind = KindOf(national);
        if (result.Kind is OutboundPhoneKind.Mobile or OutboundPhoneKind.Landline or OutboundPhoneKind.SharedCost or OutboundPhoneKind.TollFree)
        {
            result.E164 = PhoneRanges.ToE164(national);
            result.Region = PhoneRanges.Region(national, language);
        }
        else if (result.Kind == OutboundPhoneKind.Unassigned && result.Valid)
        {
            result.E164 = PhoneRanges.ToE164(national);
        }

        return result;
    }

    /// <summary>The region of a number as a call record gives it: Chinese, and only for numbers in a range the library knows.</summary>
    internal static string? RegionOf(string? phone) =>
        PhoneNumber.TryRead(phone, out var national, out _) && PhoneNumber.HasDialShape(national) && PhoneRanges.Kind(national) != RangeKind.Unassigned
            ? PhoneRanges.Region(national, RegionLanguage.Chinese)
            : null;

    private static OutboundPhoneKind KindOf(string national)
    {
        if (PhoneNumber.HasDialShape(national))
        {
            return PhoneRanges.Kind(national) switch
            {
                RangeKind.Mobile => OutboundPhoneKind.Mobile,
                RangeKind.Landline => OutboundPhoneKind.Landline,
                RangeKind.Unassigned => OutboundPhoneKind.Unassigned,
                var other => ServiceKind(other),
            };
        }

        if (PhoneRanges.IsShortCode(national, out _)) return OutboundPhoneKind.ShortCode;
        return national.Length == 10 ? ServiceKind(PhoneRanges.AskLibrary(national)) : OutboundPhoneKind.Invalid;
    }

    private static OutboundPhoneKind ServiceKind(RangeKind kind) => kind switch
    {
        RangeKind.SharedCost => OutboundPhoneKind.SharedCost,
        RangeKind.TollFree => OutboundPhoneKind.TollFree,
        RangeKind.OtherService => OutboundPhoneKind.OtherService,
        _ => OutboundPhoneKind.Invalid,
    };
}
