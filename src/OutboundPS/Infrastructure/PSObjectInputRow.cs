using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using OutboundPS.Import;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>An Import-Csv row, hashtable or any object, seen as named text values.</summary>
internal sealed class PSObjectInputRow : IInputRow
{
    private readonly PSObject _row;
    private readonly NotePropertyPositions _positions;
    private readonly IDictionary? _dictionary;
    private IReadOnlyList<string>? _propertyNames;

    /// <summary>The row an input object stands for: a call record (a recall) gives its phone, name and variables.</summary>
    /// <param name="row">The input object.</param>
    /// <param name="positions">Where the command found each column in the row before: one per command, kept across its rows.</param>
    internal static IInputRow From(PSObject row, NotePropertyPositions positions) =>
        row.BaseObject is OutboundCallRecord record ? new CallRecordInputRow(record) : new PSObjectInputRow(row, positions);

    private PSObjectInputRow(PSObject row, NotePropertyPositions positions)
    {
        _row = row;
        _positions = positions;
        _dictionary = row.BaseObject as IDictionary;
    }

    /// <summary>
    /// Read only for the first row, to find the columns: enumerating a PSObject's properties costs several times
    /// what looking up a few of them by name does, and an import reads every row.
    /// </summary>
    public IReadOnlyList<string> PropertyNames => _propertyNames ??= _dictionary is not null
        ? _dictionary.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture) ?? string.Empty).ToArray()
        : _row.Properties.Select(p => p.Name).ToArray();

    public string? GetValue(string name)
    {
        var value = _dictionary is not null ? ValueOf(_dictionary, name) : _positions.ValueOf(_row, name);
        if (value is string text) return text; // Import-Csv's every value
        if (value is PSObject wrapped) value = wrapped.BaseObject;
        return value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
    }

    // Its own method: the lambda captures the name, and a capture in GetValue itself would cost every row of an
    // Import-Csv pipeline a closure, hashtable or not.
    private static object? ValueOf(IDictionary dictionary, string name)
    {
        var key = dictionary.Keys.Cast<object>().FirstOrDefault(k =>
            string.Equals(Convert.ToString(k, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase));
        return key is null ? null : dictionary[key];
    }
}
