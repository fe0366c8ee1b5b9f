using System;

namespace OutboundPS;

/// <summary>A failure OutboundPS can explain: stable id, kind, vendor code and text, and what to do.</summary>
public sealed class OutboundException : Exception
{
    internal OutboundException(string errorId, OutboundErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
    }

    /// <summary>Stable id, OutboundPS.&lt;Vendor&gt;.&lt;code&gt; for vendor errors.</summary>
    public string ErrorId { get; }

    /// <summary>The error category.</summary>
    public OutboundErrorKind Kind { get; }

    /// <summary>The vendor, when the vendor reported the error.</summary>
    public OutboundVendor? Vendor { get; internal set; }

    /// <summary>The vendor's code as it sent it.</summary>
    public string? VendorCode { get; internal set; }

    /// <summary>The vendor's message as it sent it (Chinese text kept).</summary>
    public string? VendorMessage { get; internal set; }

    /// <summary>What the user should do about it.</summary>
    public string? RecommendedAction { get; internal set; }

    /// <summary>The user's input the error is about; the cmdlet fills it when Core cannot.</summary>
    public object? TargetObject { get; internal set; }

    /// <summary>True when the request provably did not take effect, so sending it again is safe.</summary>
    internal bool NotApplied { get; set; }

    /// <summary>How long the vendor's front door asked to wait (Retry-After on 429/503) before trying again, when it said.</summary>
    internal TimeSpan? RetryAfter { get; set; }

    /// <summary>True when the request was sent and its effect cannot be known.</summary>
    internal bool OutcomeUnknown { get; set; }
}
