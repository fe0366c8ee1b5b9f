namespace OutboundPS;

/// <summary>Task states unified across vendors; each vendor maps its own codes onto these.</summary>
public enum OutboundTaskStatus
{
    /// <summary>Created, never started.</summary>
    New,
    /// <summary>Start requested; the platform is scheduling it.</summary>
    Starting,
    /// <summary>Waiting for a free AI seat.</summary>
    Queued,
    /// <summary>Dialling.</summary>
    Running,
    /// <summary>Paused by a user.</summary>
    Paused,
    /// <summary>Paused by the platform (arrears, line or seat unavailable).</summary>
    SystemPaused,
    /// <summary>Waiting for the next recall round.</summary>
    WaitingForRecall,
    /// <summary>Started but outside its working hours.</summary>
    OutsideWorkingHours,
    /// <summary>Every customer has been dialled.</summary>
    Completed,
    /// <summary>Terminated before completion.</summary>
    Stopped,
    /// <summary>Past its end time or subscription.</summary>
    Expired,
    /// <summary>Deleted.</summary>
    Deleted,
    /// <summary>A vendor code OutboundPS does not know yet; see VendorStatus.</summary>
    Unknown,
}
