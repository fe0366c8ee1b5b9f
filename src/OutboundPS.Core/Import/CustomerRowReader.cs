using OutboundPS.Contract;

namespace OutboundPS.Import;

/// <summary>What a refused customer row's error says, and where it points: a row of an import, or a single call.</summary>
/// <param name="reason">Phone or Name: the last part of the error id.</param>
/// <param name="rowNumber">The row's number in the input, from 1.</param>
/// <param name="column">The column (property) the value came from.</param>
/// <param name="value">The value as given.</param>
/// <param name="problem">Why it cannot be used, phrased to follow the quoted value.</param>
/// <param name="fix">What to do, without a full stop: the wording adds what happens next.</param>
internal delegate OutboundException RowRefusal(string reason, long rowNumber, string column, string? value, string problem, string fix);

/// <summary>Turns input rows into validated customers: normalized phone, name, variable values.</summary>
internal sealed class CustomerRowReader
{
    private readonly CustomerRules _rules;
    private readonly RowRefusal _refuse;
    private readonly DoNotCallList? _doNotCall;

    /// <param name="columns">Where phone, name and variables are found.</param>
    /// <param name="rules">The vendor's rules for a customer.</param>
    /// <param name="refuse">How a refused row is reported; an import's row error when omitted.</param>
    /// <param name="doNotCall">Numbers never to send, whatever else is wrong with their row; none when omitted.</param>
    internal CustomerRowReader(CustomerColumns columns, CustomerRules rules, RowRefusal? refuse = null, DoNotCallList? doNotCall = null)
    {
        Columns = columns;
        _rules = rules;
        _refuse = refuse ?? ImportRow;
        _doNotCall = doNotCall;
    }

    internal CustomerColumns Columns { get; }

    /// <summary>An import's wording: the row and column, and to import the row again.</summary>
    internal static OutboundException ImportRow(string reason, long rowNumber, string column, string? value, string problem, string fix) =>
        OutboundErrors.InvalidRow(reason, rowNumber, column, value, problem, fix + " and import the row again.");

    /// <summary>
    /// The validated customer, or null with the reason in <paramref name="error"/>; null with no error when the number is
    /// on the do-not-call list, which is no error: the user asked for it (DoNotCallList.Reason says why).
    /// </summary>
    internal CustomerRow? Read(IInputRow row, long rowNumber, out string? rawPhone, out string? name, out OutboundException? error)
    {
        rawPhone = row.GetValue(Columns.PhoneColumn);
        name = Columns.NameColumn is null ? null : row.GetValue(Columns.NameColumn);
        if (_doNotCall is not null && _doNotCall.Contains(rawPhone))
        {
            error = null;
            return null;
        }

        var phone = PhoneNumber.Check(rawPhone, _rules.AllowUnassignedRange);
        if (phone.Kind == PhoneKind.Invalid)
        {
            error = _refuse("Phone", rowNumber, Columns.PhoneColumn, rawPhone, phone.Problem!, phone.Fix!);
            return null;
        }

        if (phone.Kind == PhoneKind.Landline && !_rules.AcceptsLandlines)
        {
            error = _refuse("Phone", rowNumber, Columns.PhoneColumn, rawPhone,
                $"is a landline, and {_rules.VendorName} {_rules.LandlineRefusal}", "Give the customer's mobile number instead (or use a vendor that dials landlines)");
            return null;
        }

        if (_rules.RequiresName && string.IsNullOrWhiteSpace(name))
        {
            error = _refuse("Name", rowNumber, Columns.NameColumn ?? "(none)", name,
                $"is blank, and {_rules.VendorName} requires a name with every customer.", "Fill in the customer's name");
            return null;
        }

        var values = Columns.Variables.Count == 0 ? System.Array.Empty<string>() : new string[Columns.Variables.Count];
        for (var i = 0; i < values.Length; i++) values[i] = row.GetValue(Columns.Variables[i]) ?? string.Empty;
        error = null;
        return new CustomerRow(rowNumber, phone.Number!, name, values);
    }
}
