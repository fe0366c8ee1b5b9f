using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OutboundPS.Contract;

namespace OutboundPS.Import;

/// <summary>
/// The customers of one Invoke-OutboundCall: rows read like an import's (columns found by name, phones checked by the
/// vendor's rules), kept together because a call request is sent only once every row has been read.
/// </summary>
internal sealed class CallRows
{
    private readonly List<(IInputRow Row, object Target)> _rows = new();
    private bool _fromPhoneParameter;

    /// <summary>Rows given so far.</summary>
    internal int Count => _rows.Count;

    /// <summary>Adds a row from the pipeline; <paramref name="target"/> is what an error about it points at.</summary>
    internal void Add(IInputRow row, object target) => _rows.Add((row, target));

    /// <summary>Adds a row built from -Phone, -Name and -Variable.</summary>
    internal void Add(string phone, string? name, IDictionary? variables)
    {
        var values = new List<KeyValuePair<string, string?>> { new("Phone", phone) };
        if (name is not null) values.Add(new("Name", name));
        foreach (DictionaryEntry entry in variables ?? new Hashtable())
            values.Add(new(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, Convert.ToString(entry.Value, CultureInfo.InvariantCulture)));
        _rows.Add((new DictionaryInputRow(values), phone));
        _fromPhoneParameter = true;
    }

    /// <summary>
    /// The call request for the valid rows; each invalid row is passed to <paramref name="rejected"/> with its target,
    /// and each row whose number is on <paramref name="doNotCall"/> to <paramref name="excluded"/> (its phone as given
    /// and its name). A missing phone column ends it (an OutboundException), since no row could be called.
    /// </summary>
    internal CallSpec Read(string robotId, string? phoneProperty, string? nameProperty, CustomerRules rules, Action<OutboundException, object> rejected,
        DoNotCallList? doNotCall = null, Action<string?, string?>? excluded = null)
    {
        var columns = CustomerColumnDetector.Detect(_rows[0].Row.PropertyNames, phoneProperty, nameProperty, null);
        var reader = new CustomerRowReader(columns, rules.ForSingleCall(), _fromPhoneParameter ? PhoneParameter : PipedRow, doNotCall);
        var customers = new List<CustomerRow>();
        for (var i = 0; i < _rows.Count; i++)
        {
            var customer = reader.Read(_rows[i].Row, i + 1, out var rawPhone, out var name, out var error);
            if (customer is not null) customers.Add(customer);
            else if (error is null) excluded?.Invoke(rawPhone, name);
            else rejected(error, _rows[i].Target);
        }

        return new CallSpec(robotId, columns, customers);
    }

    /// <summary>A number given with -Phone: the error names the parameter.</summary>
    private static OutboundException PhoneParameter(string reason, long rowNumber, string column, string? value, string problem, string fix) =>
        OutboundErrors.InvalidArgument(reason, value, problem, fix + ".");

    /// <summary>A customer from the pipeline: the error names the row and its column, as an import's would.</summary>
    private static OutboundException PipedRow(string reason, long rowNumber, string column, string? value, string problem, string fix) =>
        OutboundErrors.InvalidRow(reason, rowNumber, column, value, problem, fix + " and call it again.");

    /// <summary>The first numbers of a request, for -WhatIf and confirmation prompts.</summary>
    internal static string Describe(CallSpec spec) =>
        string.Join(", ", spec.Customers.Take(3).Select(c => c.Phone)) + (spec.Customers.Count > 3 ? $" and {spec.Customers.Count - 3} more" : string.Empty);
}
