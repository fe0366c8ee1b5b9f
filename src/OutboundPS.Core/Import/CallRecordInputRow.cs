using System;
using System.Collections.Generic;
using System.Linq;

namespace OutboundPS.Import;

/// <summary>
/// A call record seen as a customer row, for recall tasks: its Phone, its Name and the variables it was called with.
/// The record's other properties (outcome, times, ids) describe the call, not the customer, so they are not sent.
/// </summary>
internal sealed class CallRecordInputRow : IInputRow
{
    private const string PhoneName = nameof(OutboundCallRecord.Phone);
    private const string NameName = nameof(OutboundCallRecord.Name);
    private readonly OutboundCallRecord _record;

    internal CallRecordInputRow(OutboundCallRecord record)
    {
        _record = record;
        var variables = record.Variables.Keys.Where(k => !Same(k, PhoneName) && !Same(k, NameName)).ToArray();
        // A row that carried its name as a variable (yeta's 姓名 column) keeps it there, where the robot expects it;
        // offering Name beside it would be one column too many.
        var nameVariable = variables.Any(Contract.CustomerColumnNames.IsName);
        PropertyNames = (nameVariable ? new[] { PhoneName } : new[] { PhoneName, NameName }).Concat(variables).ToArray();
    }

    public IReadOnlyList<string> PropertyNames { get; }

    /// <summary>The call record this row reads.</summary>
    internal OutboundCallRecord Record => _record;

    public string? GetValue(string name)
    {
        if (Same(name, PhoneName)) return _record.Phone;
        if (Same(name, NameName)) return _record.Name;
        foreach (var pair in _record.Variables)
            if (Same(pair.Key, name)) return pair.Value;
        return null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
