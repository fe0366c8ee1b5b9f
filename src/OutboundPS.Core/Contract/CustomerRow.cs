namespace OutboundPS.Contract;

/// <summary>One validated customer on its way to the vendor.</summary>
internal sealed class CustomerRow
{
    internal CustomerRow(long rowNumber, string phone, string? name, string[] values)
    {
        RowNumber = rowNumber;
        Phone = phone;
        Name = name;
        Values = values;
    }

    internal long RowNumber { get; }
    internal string Phone { get; }
    internal string? Name { get; }

    /// <summary>Values of CustomerColumns.Variables, in the same order.</summary>
    internal string[] Values { get; }
}
