namespace OutboundPS;

/// <summary>
/// What kind of failure an error is. Member names match System.Management.Automation.ErrorCategory
/// so the cmdlets map them by name (a test keeps the two in step) while Core stays free of PowerShell types.
/// </summary>
public enum OutboundErrorKind
{
    /// <summary>The user's input is wrong.</summary>
    InvalidArgument,
    /// <summary>Credentials or token refused.</summary>
    AuthenticationError,
    /// <summary>Authenticated but not allowed.</summary>
    PermissionDenied,
    /// <summary>The task, line or robot does not exist.</summary>
    ObjectNotFound,
    /// <summary>Not possible in the object's current state.</summary>
    InvalidOperation,
    /// <summary>The vendor does not offer the operation.</summary>
    NotImplemented,
    /// <summary>The vendor is busy; retry later.</summary>
    ResourceBusy,
    /// <summary>The endpoint could not be reached.</summary>
    ConnectionError,
    /// <summary>The vendor answered with something that is not its documented format.</summary>
    InvalidResult,
    /// <summary>A vendor limit was exceeded.</summary>
    LimitsExceeded,
    /// <summary>The operation took too long.</summary>
    OperationTimeout,
    /// <summary>The account has no balance or quota.</summary>
    QuotaExceeded,
    /// <summary>The operation was stopped by the user.</summary>
    OperationStopped,
    /// <summary>Anything else the vendor reported.</summary>
    NotSpecified,
}
