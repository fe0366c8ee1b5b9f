namespace OutboundPS;

/// <summary>What happened to one input row of Import-OutboundCustomer.</summary>
public sealed class OutboundImportRow
{
    internal OutboundImportRow(long rowNumber, object? inputObject)
    {
        RowNumber = rowNumber;
        InputObject = inputObject;
    }

    /// <summary>1-based position of the row in the input.</summary>
    public long RowNumber { get; }

    /// <summary>The phone after normalization (or as given, when it was rejected).</summary>
    public string? Phone { get; internal set; }

    /// <summary>Customer name.</summary>
    public string? Name { get; internal set; }

    /// <summary>The vendor's id for the stored row (iFlytek task_data_id), where it gives one.</summary>
    public string? DataId { get; internal set; }

    /// <summary>The row's outcome.</summary>
    public ImportOutcome Outcome { get; internal set; }

    /// <summary>Why the row was not accepted, or what is known of its batch.</summary>
    public string? Error { get; internal set; }

    /// <summary>
    /// The reason's code, as the -NotAcceptedPath file's Code column gives it: DoNotCall for a number on the do-not-call
    /// list, the vendor's error code for a batch it refused; empty otherwise.
    /// </summary>
    public string? Code { get; internal set; }

    /// <summary>The batch the row was sent in; 0 when it was never sent.</summary>
    public int Batch { get; internal set; }

    /// <summary>The row as it came in, so failures can be re-imported unchanged.</summary>
    public object? InputObject { get; }

    /// <inheritdoc />
    public override string ToString() => $"#{RowNumber} {Phone} {Outcome}";
}
