using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace OutboundPS;

/// <summary>
/// The per-row records of an import. It reads as a count per outcome ("20 rows: 18 Accepted, 2 Rejected") rather
/// than every row joined: with -PassThru it can hold a million rows, far past what a CSV cell should carry; export
/// the rows themselves (.Rows | Export-Csv) to see each one.
/// </summary>
public sealed class ImportRowList : ReadOnlyCollection<OutboundImportRow>
{
    internal ImportRowList(IList<OutboundImportRow> rows) : base(rows)
    {
    }

    /// <summary>No rows: the import ran without -PassThru.</summary>
    internal static readonly ImportRowList NoItems = new(new OutboundImportRow[0]);

    /// <summary>The number of rows and how many ended in each outcome, in the outcomes' order.</summary>
    public override string ToString()
    {
        var outcomes = this.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        return Count == 0 ? "0 rows" : $"{Count} rows: {string.Join(", ", outcomes)}";
    }
}
