namespace OutboundPS;

/// <summary>The A–F intent level both vendors word in their own ways ("A", "A级(较强)", "B级(可能有意向)").</summary>
internal static class IntentLevel
{
    /// <summary>The letter A–F a label starts with (alone, or before 级 or a bracket), or null.</summary>
    internal static string? Letter(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var text = label!.Trim();
        var first = char.ToUpperInvariant(text[0]);
        if (first < 'A' || first > 'F') return null;
        return text.Length == 1 || !char.IsLetterOrDigit(text[1]) || text[1] == '级' ? first.ToString() : null;
    }
}
