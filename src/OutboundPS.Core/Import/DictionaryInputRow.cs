using System;
using System.Collections.Generic;
using System.Linq;

namespace OutboundPS.Import;

/// <summary>An input row over ordered name/value pairs.</summary>
internal sealed class DictionaryInputRow : IInputRow
{
    private readonly Dictionary<string, string?> _values;

    /// <summary>Creates a row from name/value pairs, keeping their order.</summary>
    internal DictionaryInputRow(IEnumerable<KeyValuePair<string, string?>> values)
    {
        var pairs = values.ToList();
        PropertyNames = pairs.Select(p => p.Key).ToArray();
        _values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs) _values[pair.Key] = pair.Value;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> PropertyNames { get; }

    /// <inheritdoc />
    public string? GetValue(string name) => _values.TryGetValue(name, out var value) ? value : null;
}
