namespace OutboundPS.Contract;

/// <summary>A vendor's documented limits, which OutboundPS checks before sending.</summary>
internal sealed class VendorLimits
{
    /// <summary>Customers a request when the user does not choose.</summary>
    internal int DefaultBatchSize { get; set; }

    /// <summary>The most customers one request may carry.</summary>
    internal int MaxBatchSize { get; set; }

    /// <summary>The most recall rounds (redials) a task may ask for; 0 means none.</summary>
    internal int MaxRecallCount { get; set; }

    /// <summary>Call records a page when reading them back (the vendor's largest page); 0 when it has no such read.</summary>
    internal int CallRecordPageSize { get; set; }

    /// <summary>Missed callbacks a page; 0 when the vendor has no such list.</summary>
    internal int MissedCallbackPageSize { get; set; }
}
