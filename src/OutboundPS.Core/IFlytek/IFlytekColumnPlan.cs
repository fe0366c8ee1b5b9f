using System;
using System.Collections.Generic;
using System.Linq;
using OutboundPS.Contract;

namespace OutboundPS.IFlytek;

/// <summary>
/// Lines the input columns up with the robot's call_column template: the first template column is the
/// customer mobile, the rest are the script's dynamic fields, and yeta refuses rows that do not match (200212).
/// </summary>
internal sealed class IFlytekColumnPlan
{
    /// <summary>Used when the robot's template is not known.</summary>
    internal const string DefaultPhoneHeader = "客户手机号码";

    /// <summary>Marks a template column filled from the name column rather than a variable.</summary>
    private const int FromName = -1;

    private readonly int[] _sources;

    private IFlytekColumnPlan(IReadOnlyList<string> callColumn, int[] sources, IReadOnlyList<string> unsent)
    {
        CallColumn = callColumn;
        _sources = sources;
        Unsent = unsent;
    }

    /// <summary>The header row sent as call_column.</summary>
    internal IReadOnlyList<string> CallColumn { get; }

    /// <summary>Input columns the robot does not use; they are not sent, and the user is told.</summary>
    internal IReadOnlyList<string> Unsent { get; }

    internal static IFlytekColumnPlan Build(CustomerColumns columns, string[]? template, string robotId)
    {
        if (template is null || template.Length == 0)
            return WithoutTemplate(columns);

        var sources = new List<int>();
        var missing = new List<string>();
        var used = new HashSet<int>();
        var nameUsed = false;
        foreach (var field in template.Skip(1))
        {
            var index = IndexOf(columns.Variables, field);
            if (index >= 0)
            {
                sources.Add(index);
                used.Add(index);
            }
            else if (columns.NameColumn is not null && !nameUsed && IsNameField(field, columns.NameColumn))
            {
                sources.Add(FromName);
                nameUsed = true;
            }
            else
            {
                missing.Add(field);
            }
        }

        if (missing.Count > 0)
            throw OutboundErrors.InvalidArgument("InputObject", string.Join(", ", columns.Variables),
                $"robot {robotId} expects the columns {string.Join(", ", template.Skip(1))} in every row, and the input lacks {string.Join(", ", missing)}.",
                "Add the missing columns, or rename existing ones with Select-Object @{n='<column>';e={$_.<property>}}; " +
                "with Invoke-OutboundCall -Phone, give the name column with -Name and the others with -Variable @{<column>='…'}.");

        var unsent = columns.Variables.Where((_, i) => !used.Contains(i)).ToList();
        if (columns.NameColumn is not null && !nameUsed) unsent.Insert(0, columns.NameColumn);
        return new IFlytekColumnPlan(new[] { template[0] }.Concat(template.Skip(1)).ToArray(), sources.ToArray(), unsent);
    }

    private static IFlytekColumnPlan WithoutTemplate(CustomerColumns columns)
    {
        var header = new List<string> { DefaultPhoneHeader };
        var sources = new List<int>();
        if (columns.NameColumn is not null)
        {
            header.Add(columns.NameColumn);
            sources.Add(FromName);
        }

        for (var i = 0; i < columns.Variables.Count; i++)
        {
            header.Add(columns.Variables[i]);
            sources.Add(i);
        }

        return new IFlytekColumnPlan(header, sources.ToArray(), Array.Empty<string>());
    }

    /// <summary>One call_list row: the phone, then each template field's value.</summary>
    internal string[] ToRow(CustomerRow row)
    {
        var values = new string[_sources.Length + 1];
        values[0] = row.Phone;
        for (var i = 0; i < _sources.Length; i++)
            values[i + 1] = (_sources[i] == FromName ? row.Name : row.Values[_sources[i]]) ?? string.Empty;
        return values;
    }

    /// <summary>The same row as <see cref="ToRow"/>, written as a JSON array without building it first.</summary>
    internal void WriteRow(System.Text.Json.Utf8JsonWriter writer, CustomerRow row)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(row.Phone);
        foreach (var source in _sources) writer.WriteStringValue((source == FromName ? row.Name : row.Values[source]) ?? string.Empty);
        writer.WriteEndArray();
    }

    private static int IndexOf(IReadOnlyList<string> names, string wanted)
    {
        for (var i = 0; i < names.Count; i++)
            if (string.Equals(names[i], wanted, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static bool IsNameField(string field, string nameColumn) =>
        string.Equals(field, nameColumn, StringComparison.OrdinalIgnoreCase)
        || CustomerColumnNames.IsName(field);
}
