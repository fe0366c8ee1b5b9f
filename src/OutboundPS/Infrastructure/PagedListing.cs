using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>One page of a vendor's listing: the items to write, how many rows the vendor gave (before any filter OutboundPS applies) and its total.</summary>
internal readonly struct ListingPage<T>
{
    internal ListingPage(IReadOnlyList<T> items, long scanned, long total)
    {
        Items = items;
        Scanned = scanned;
        Total = total;
    }

    internal IReadOnlyList<T> Items { get; }
    internal long Scanned { get; }
    internal long Total { get; }
}

/// <summary>The listing cmdlets' paging (SupportsPaging): pages read from the first until -First is met or the vendor has no more.</summary>
internal static class PagedListing
{
    /// <summary>
    /// Writes the listing's items under -First, -Skip and -IncludeTotalCount. <paramref name="skip"/> and
    /// <paramref name="remaining"/> carry over between calls, for a command that lists several things piped in; a first
    /// page is read for -IncludeTotalCount even under -First 0, which asks for the count alone. <paramref name="progress"/>
    /// hears the rows read and the total after every page but the last.
    /// </summary>
    internal static void Write<T>(PSCmdlet cmdlet, Func<int, ListingPage<T>> readPage, ref ulong skip, ref ulong remaining, Action<long, long>? progress = null)
    {
        var paging = cmdlet.PagingParameters;
        long scanned = 0;
        for (var page = 1; remaining > 0 || (page == 1 && paging.IncludeTotalCount); page++)
        {
            var result = readPage(page);
            if (page == 1 && paging.IncludeTotalCount) cmdlet.WriteObject(paging.NewTotalCount((ulong)result.Total, 1.0));
            scanned += result.Scanned;
            foreach (var item in result.Items)
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                if (remaining == 0) break;
                cmdlet.WriteObject(item);
                remaining--;
            }

            if (result.Scanned == 0 || scanned >= result.Total) break;
            progress?.Invoke(scanned, result.Total);
        }
    }
}
