namespace OutboundPS.Contract;

/// <summary>What the vendor said about one batch it accepted.</summary>
internal sealed class BatchOutcome
{
    /// <summary>One id per row, in order, when the vendor reports rows individually (iFlytek task_data_ids).</summary>
    internal long[]? DataIds { get; set; }

    /// <summary>Rows of the batch now in the task, when the vendor reports only counts (BYRobot v2 import).</summary>
    internal long? AcceptedCount { get; set; }

    /// <summary>The vendor's summary of the batch, kept on each row when no per-row answer exists.</summary>
    internal string? Summary { get; set; }
}
