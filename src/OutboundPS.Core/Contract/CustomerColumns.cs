using System.Collections.Generic;

namespace OutboundPS.Contract;

/// <summary>Which input columns hold the phone, the name and the robot variables.</summary>
internal sealed class CustomerColumns
{
    internal CustomerColumns(string phoneColumn, string? nameColumn, IReadOnlyList<string> variables)
    {
        PhoneColumn = phoneColumn;
        NameColumn = nameColumn;
        Variables = variables;
    }

    internal string PhoneColumn { get; }
    internal string? NameColumn { get; }

    /// <summary>Variable columns, in input order; CustomerRow.Values lines up with it.</summary>
    internal IReadOnlyList<string> Variables { get; }
}
