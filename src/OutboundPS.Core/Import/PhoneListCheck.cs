using System;

namespace OutboundPS.Import;

/// <summary>
/// Test-OutboundPhone's state: what the caller chose, and the phone column found on the first row (as the import
/// finds it). Holds nothing per number, so a list of any length streams through it.
/// </summary>
internal sealed class PhoneListCheck
{
    private readonly string? _phoneProperty;
    private readonly bool _allowUnassignedRange;
    private readonly RegionLanguage _language;
    private string? _phoneColumn;

    /// <param name="phoneProperty">The phone column, when it is not one of the names the import recognizes.</param>
    /// <param name="allowUnassignedRange">Count numbers in ranges the metadata does not list as valid.</param>
    /// <param name="language">Chinese or English, for Region.</param>
    internal PhoneListCheck(string? phoneProperty, bool allowUnassignedRange, string? language)
    {
        _phoneProperty = phoneProperty;
        _allowUnassignedRange = allowUnassignedRange;
        _language = string.Equals(language, nameof(RegionLanguage.English), StringComparison.OrdinalIgnoreCase) ? RegionLanguage.English : RegionLanguage.Chinese;
    }

    /// <summary>A phone text given as it is (a string, or a number PowerShell typed).</summary>
    internal OutboundPhoneCheck Text(object? input, string? text) => PhoneInspection.Inspect(input, text, _allowUnassignedRange, _language);

    /// <summary>A row: its phone column, found on the first row; throws an OutboundException when the row has none.</summary>
    internal OutboundPhoneCheck Row(object input, IInputRow row)
    {
        _phoneColumn ??= CustomerColumnDetector.Detect(row.PropertyNames, _phoneProperty, null, Array.Empty<string>()).PhoneColumn;
        return Text(input, row.GetValue(_phoneColumn));
    }
}
