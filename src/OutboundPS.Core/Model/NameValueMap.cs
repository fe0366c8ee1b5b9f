using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace OutboundPS;

/// <summary>
/// Read-only name → value pairs (robot variables, recordings) that read as "金额=500; 姓名=张三", so that Export-Csv
/// gives a readable cell. In PowerShell it is still a dictionary: $map['金额'], $map.金额, .Keys and .Count work.
/// </summary>
public sealed class NameValueMap : ReadOnlyDictionary<string, string>
{
    internal NameValueMap(IDictionary<string, string> pairs) : base(pairs)
    {
    }

    /// <summary>A map with no pairs.</summary>
    internal static readonly NameValueMap NoItems = new(new Dictionary<string, string>());

    /// <summary>Wraps a dictionary without copying; copies any other set of pairs, keeping their order.</summary>
    internal static NameValueMap Of(IReadOnlyDictionary<string, string> pairs) => pairs switch
    {
        NameValueMap map => map,
        IDictionary<string, string> dictionary => new NameValueMap(dictionary),
        _ => new NameValueMap(pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)),
    };

    /// <summary>The pairs as "name=value", joined with "; " in the order the vendor gave them.</summary>
    public override string ToString() => string.Join(ItemList<string>.DefaultSeparator, this.Select(p => $"{p.Key}={p.Value}"));
}
