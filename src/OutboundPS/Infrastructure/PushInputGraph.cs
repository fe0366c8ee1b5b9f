using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>
/// A push that PowerShell already parsed (an Azure Functions trigger's $Request.Body for a JSON request, the output of
/// ConvertFrom-Json) as plain dictionaries, lists and scalars, with no PowerShell wrapper left, for Core to write back as JSON.
/// </summary>
internal static class PushInputGraph
{
    /// <summary>Beyond Core's own limit, so that Core reports a graph that refers to itself.</summary>
    private const int MaxDepth = 40;

    internal static object? From(object? value, int depth = 0)
    {
        if (value is PSObject wrapped)
        {
            if (wrapped.BaseObject is PSCustomObject) return Properties(wrapped, depth);
            value = wrapped.BaseObject;
        }

        if (depth > MaxDepth) return value?.ToString();
        switch (value)
        {
            case null or string:
                return value;
            case IDictionary map:
                var entries = new Dictionary<string, object?>();
                foreach (DictionaryEntry entry in map) entries[entry.Key?.ToString() ?? string.Empty] = From(entry.Value, depth + 1);
                return entries;
            case IEnumerable items:
                var list = new List<object?>();
                foreach (var item in items) list.Add(From(item, depth + 1));
                return list;
            default:
                return value;
        }
    }

    private static Dictionary<string, object?> Properties(PSObject custom, int depth)
    {
        var properties = new Dictionary<string, object?>();
        foreach (var property in custom.Properties) properties[property.Name] = From(property.Value, depth + 1);
        return properties;
    }
}
