namespace OutboundPS;

/// <summary>Where one number given to Add-OutboundBlocklistNumber ended. Every number ends in exactly one.</summary>
public enum BlocklistOutcome
{
    /// <summary>The number is on the list: the vendor stored it, or (read back) already held it.</summary>
    Added,
    /// <summary>OutboundPS refused the number before sending it (see Reason).</summary>
    Rejected,
    /// <summary>The vendor refused the number or its batch (see Reason).</summary>
    Failed,
    /// <summary>Sent, but whether the vendor stored it cannot be known (see Reason); not resent.</summary>
    Unknown,
}
