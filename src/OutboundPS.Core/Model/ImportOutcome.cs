namespace OutboundPS;

/// <summary>Where one input row of an import ended. Every row ends in exactly one.</summary>
public enum ImportOutcome
{
    /// <summary>The vendor stored the customer.</summary>
    Accepted,
    /// <summary>OutboundPS refused the row before sending it (see Error).</summary>
    Rejected,
    /// <summary>The vendor refused the row or its batch (code and message in Error).</summary>
    Failed,
    /// <summary>Sent, but whether the vendor stored it cannot be known; not resent.</summary>
    Unknown,
}
