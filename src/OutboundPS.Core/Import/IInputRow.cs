using System.Collections.Generic;

namespace OutboundPS.Import;

/// <summary>One input row as the import sees it: named values, whatever object they came from.</summary>
internal interface IInputRow
{
    /// <summary>The row's property names in their input order.</summary>
    IReadOnlyList<string> PropertyNames { get; }

    /// <summary>The value of a property as text (case-insensitive name); null when absent or null.</summary>
    string? GetValue(string name);
}
