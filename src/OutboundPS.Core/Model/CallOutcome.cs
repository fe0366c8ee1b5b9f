namespace OutboundPS;

/// <summary>How one call attempt ended, unified across vendors; each vendor maps its own result codes onto these.</summary>
public enum CallOutcome
{
    /// <summary>The customer picked up and spoke with the robot.</summary>
    Answered,
    /// <summary>It rang and nobody picked up.</summary>
    NoAnswer,
    /// <summary>The line was busy, or the customer was already in a call.</summary>
    Busy,
    /// <summary>The customer declined the call.</summary>
    Rejected,
    /// <summary>The phone was switched off.</summary>
    PoweredOff,
    /// <summary>The number could not be reached: out of service, suspended, non-existent or wrong.</summary>
    Unreachable,
    /// <summary>The call was barred: a blacklist, or the callee's incoming-call restriction.</summary>
    Blocked,
    /// <summary>The caller's side failed: line unavailable or in arrears, network fault, call loss.</summary>
    LineError,
    /// <summary>A vendor code OutboundPS does not know yet, or a call not finished; see VendorStatus.</summary>
    Unknown,
}
