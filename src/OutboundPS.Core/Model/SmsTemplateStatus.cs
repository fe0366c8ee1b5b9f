namespace OutboundPS;

/// <summary>Where an SMS template stands in the vendor's review.</summary>
public enum SmsTemplateStatus
{
    /// <summary>A code OutboundPS does not know (vendors add codes); the template's VendorStatus keeps it.</summary>
    Unknown,
    /// <summary>Submitted, not yet reviewed.</summary>
    UnderReview,
    /// <summary>Approved: tasks may send it.</summary>
    Approved,
    /// <summary>Refused; FailReason says why.</summary>
    Rejected,
}
