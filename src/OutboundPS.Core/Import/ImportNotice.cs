namespace OutboundPS.Import;

/// <summary>Something the cmdlet must tell the user: a rejected row or a failed batch.</summary>
internal sealed class ImportNotice
{
    internal ImportNotice(OutboundException error, object? target)
    {
        Error = error;
        Target = target;
    }

    internal OutboundException Error { get; }

    /// <summary>The input row (for a rejected row) or the batch's row range.</summary>
    internal object? Target { get; }
}
