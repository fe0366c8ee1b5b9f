using System;
using System.Collections.Generic;
using System.Linq;
using OutboundPS.Contract;

namespace OutboundPS.Import;

/// <summary>Finds the phone, name and variable columns of the input by name (docs/design.md#row-flow).</summary>
internal static class CustomerColumnDetector
{
    internal static CustomerColumns Detect(IReadOnlyList<string> names, string? phoneProperty, string? nameProperty,
        IReadOnlyList<string>? variableProperties)
    {
        var phone = phoneProperty is null
            ? FirstPresent(names, CustomerColumnNames.Phone) ?? throw NoPhoneColumn(names)
            : Present(names, phoneProperty) ?? throw Missing("PhoneProperty", phoneProperty, names);
        var name = nameProperty is null
            ? FirstPresent(names, CustomerColumnNames.Name)
            : Present(names, nameProperty) ?? throw Missing("NameProperty", nameProperty, names);

        IReadOnlyList<string> variables;
        if (variableProperties is null)
        {
            variables = names.Where(n => !Same(n, phone) && (name is null || !Same(n, name))).ToArray();
        }
        else
        {
            variables = variableProperties.Select(v => Present(names, v) ?? throw Missing("VariableProperty", v, names)).ToArray();
        }

        return new CustomerColumns(phone, name, variables);
    }

    private static string? FirstPresent(IReadOnlyList<string> names, IEnumerable<string> candidates) =>
        candidates.Select(c => Present(names, c)).FirstOrDefault(found => found is not null);

    private static string? Present(IReadOnlyList<string> names, string wanted) => names.FirstOrDefault(n => Same(n, wanted));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static OutboundException NoPhoneColumn(IReadOnlyList<string> names) =>
        OutboundErrors.InvalidArgument("PhoneProperty", null,
            $"the input has no phone column: looked for {string.Join(", ", CustomerColumnNames.Phone)}; the rows have {Describe(names)}.",
            "Name the phone column with -PhoneProperty.");

    private static OutboundException Missing(string parameter, string value, IReadOnlyList<string> names) =>
        OutboundErrors.InvalidArgument(parameter, value, $"the input has no such property; the rows have {Describe(names)}.",
            "Pass one of those names.");

    private static string Describe(IReadOnlyList<string> names) => names.Count == 0 ? "no properties" : string.Join(", ", names);
}
