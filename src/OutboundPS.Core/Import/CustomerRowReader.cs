using OutboundPS.Contract;

namespace OutboundPS.Import;

/// <summary>Turns input rows into validated customers: normalized phone, name, variable values.</summary>
internal sealed class CustomerRowReader
{
    private readonly CustomerRules _rules;

    internal CustomerRowReader(CustomerColumns columns, CustomerRules rules)
    {
        Columns = columns;
        _rules = rules;
    }

    internal CustomerColumns Columns { get; }

    /// <summary>The validated customer, or null with the reason in <paramref name="error"/>.</summary>
    internal CustomerRow? Read(IInputRow row, long rowNumber, out string? rawPhone, out string? name, out OutboundException? error)
    {
        rawPhone = row.GetValue(Columns.PhoneColumn);
        name = Columns.NameColumn is null ? null : row.GetValue(Columns.NameColumn);
        var phone = PhoneNumber.Check(rawPhone);
        if (phone.Kind == PhoneKind.Invalid)
        {
            error = OutboundErrors.InvalidRow("Phone", rowNumber, Columns.PhoneColumn, rawPhone, phone.Problem!, phone.Fix!);
            return null;
        }

        if (phone.Kind == PhoneKind.Landline && !_rules.AcceptsLandlines)
        {
            error = OutboundErrors.InvalidRow("Phone", rowNumber, Columns.PhoneColumn, rawPhone,
                $"is a landline, and {_rules.VendorName} {_rules.LandlineRefusal}", "Give the customer's mobile number, or import landlines into a task of a vendor that dials them.");
            return null;
        }

        if (_rules.RequiresName && string.IsNullOrWhiteSpace(name))
        {
            error = OutboundErrors.InvalidRow("Name", rowNumber, Columns.NameColumn ?? "(none)", name,
                $"is blank, and {_rules.VendorName} requires a name with every customer.", "Fill in the customer's name and import the row again.");
            return null;
        }

        var values = Columns.Variables.Count == 0 ? System.Array.Empty<string>() : new string[Columns.Variables.Count];
        for (var i = 0; i < values.Length; i++) values[i] = row.GetValue(Columns.Variables[i]) ?? string.Empty;
        error = null;
        return new CustomerRow(rowNumber, phone.Number!, name, values);
    }
}
