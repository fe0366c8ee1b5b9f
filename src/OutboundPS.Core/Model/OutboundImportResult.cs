using System;
using System.Collections.Generic;

namespace OutboundPS;

/// <summary>The account of one Import-OutboundCustomer run: every input row is counted once.</summary>
public sealed class OutboundImportResult
{
    internal OutboundImportResult(OutboundVendor vendor, string taskId)
    {
        Vendor = vendor;
        TaskId = taskId;
    }

    /// <summary>The platform imported into.</summary>
    public OutboundVendor Vendor { get; }

    /// <summary>The task the customers went to.</summary>
    public string TaskId { get; }

    /// <summary>Rows received from the input.</summary>
    public long Submitted { get; internal set; }

    /// <summary>Rows the vendor stored.</summary>
    public long Accepted { get; internal set; }

    /// <summary>Rows refused by local validation.</summary>
    public long Rejected { get; internal set; }

    /// <summary>Rows the vendor refused.</summary>
    public long Failed { get; internal set; }

    /// <summary>Rows sent whose fate is unknown.</summary>
    public long Unknown { get; internal set; }

    /// <summary>Batches sent.</summary>
    public int Batches { get; internal set; }

    /// <summary>Wall-clock time of the import.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <summary>True when the import was stopped (Ctrl+C) before all input was sent.</summary>
    public bool Stopped { get; internal set; }

    /// <summary>Per-row records in input order, filled with -PassThru; reads as a count per outcome.</summary>
    public IReadOnlyList<OutboundImportRow> Rows { get; private set; } = ImportRowList.NoItems;

    /// <summary>Keeps the import's own list of rows (not a copy), as the import finishes.</summary>
    internal void KeepRows(IList<OutboundImportRow> rows) => Rows = new ImportRowList(rows);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Submitted} submitted: {Accepted} accepted, {Rejected} rejected, {Failed} failed, {Unknown} unknown";
}
