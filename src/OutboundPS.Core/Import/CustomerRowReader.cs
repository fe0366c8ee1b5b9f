using OutboundPS.Vendors;

namespace OutboundPS.Import;

/// <summary>Turns input rows into validated customers: normalized phone, name, variable values.</summary>
internal sealed class CustomerRowReader
{
    internal CustomerRowReader(CustomerColumns columns) => Columns = columns;

    internal CustomerColumns Columns { get; }

    /// <summary>The validated customer, or null with the reason in <paramref name="error"/>.</summary>
    internal CustomerRow? Read(IInputRow row, long rowNumber, out string? rawPhone, out string? name, out OutboundException? error)
    {
        rawPhone = row.GetValue(Columns.PhoneColumn);
        name = Columns.NameColumn is null ? null : row.GetValue(Columns.NameColumn);
        var phone = PhoneNumber.Normalize(rawPhone);
        if (phone is null)
        {
            error = OutboundErrors.InvalidArgument(Columns.PhoneColumn, rawPhone,
                $"row {rowNumber} has no valid phone number (a mainland mobile 1[3-9] plus 9 digits, or a landline with its area code).",
                "Correct the number and import the row again.");
            return null;
        }

        var values = new string[Columns.Variables.Count];
        for (var i = 0; i < values.Length; i++) values[i] = row.GetValue(Columns.Variables[i]) ?? string.Empty;
        error = null;
        return new CustomerRow(rowNumber, phone, name, values);
    }
}
