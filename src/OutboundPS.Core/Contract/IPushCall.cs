namespace OutboundPS.Contract;

/// <summary>The parts of one call received so far, and the record they make.</summary>
internal interface IPushCall
{
    /// <summary>Adds a part; a part delivered again replaces the one it repeats.</summary>
    void Add(IPushPart part);

    /// <summary>Every part the call can have is in: a later part could add nothing.</summary>
    bool IsComplete { get; }

    /// <summary>The record of the parts received so far.</summary>
    OutboundCallRecord ToRecord(PushOptions options);
}
