using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace OutboundPS;

/// <summary>
/// A read-only list that reads as its items joined ("09:00-12:00; 13:30-18:00"), so that Export-Csv, which writes
/// each property's ToString(), gives a readable cell instead of a type name. In PowerShell it is still a list:
/// indexing, -contains, .Count and foreach work as on an array.
/// </summary>
/// <typeparam name="T">The item type; each item is written with its own ToString().</typeparam>
public sealed class ItemList<T> : ReadOnlyCollection<T>
{
    private readonly string _separator;

    internal ItemList(IList<T> items, string separator) : base(items)
    {
        _separator = separator;
    }

    /// <summary>The separator between items of an ordinary list: a semicolon keeps it apart from commas inside items.</summary>
    internal const string DefaultSeparator = "; ";

    /// <summary>An empty list.</summary>
    internal static readonly ItemList<T> NoItems = new(Array.Empty<T>(), DefaultSeparator);

    /// <summary>
    /// Wraps the items without copying when they are already a list (so an import's rows that are still being added
    /// show up), and copies any other sequence.
    /// </summary>
    internal static ItemList<T> Of(IEnumerable<T> items, string separator = DefaultSeparator) => items switch
    {
        ItemList<T> list when list._separator == separator => list,
        IList<T> list => new ItemList<T>(list, separator),
        _ => new ItemList<T>(items.ToList(), separator),
    };

    /// <summary>The items' text joined with the list's separator; empty for an empty list.</summary>
    public override string ToString() => string.Join(_separator, this);
}
