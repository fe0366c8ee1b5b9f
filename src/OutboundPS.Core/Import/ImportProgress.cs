namespace OutboundPS.Import;

/// <summary>A snapshot of how far an import has got, for Write-Progress.</summary>
internal readonly struct ImportProgress
{
    internal ImportProgress(long read, long sent, long accepted, long notAccepted, double rowsPerSecond)
    {
        Read = read;
        Sent = sent;
        Accepted = accepted;
        NotAccepted = notAccepted;
        RowsPerSecond = rowsPerSecond;
    }

    internal long Read { get; }
    internal long Sent { get; }
    internal long Accepted { get; }
    internal long NotAccepted { get; }
    internal double RowsPerSecond { get; }
}
