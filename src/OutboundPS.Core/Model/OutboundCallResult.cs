namespace OutboundPS;

/// <summary>The vendor's answer to one number of Invoke-OutboundCall.</summary>
public sealed class OutboundCallResult
{
    internal OutboundCallResult(OutboundVendor vendor, string phone)
    {
        Vendor = vendor;
        Phone = phone;
    }

    /// <summary>The platform that places the call.</summary>
    public OutboundVendor Vendor { get; }

    /// <summary>The number being called (normalized).</summary>
    public string Phone { get; }

    /// <summary>Customer name, where given.</summary>
    public string? Name { get; internal set; }

    /// <summary>The vendor's id for this call row (iFlytek task_data_id); correlates the call record push.</summary>
    public string? DataId { get; internal set; }

    /// <summary>True when the vendor accepted the call request (the call itself happens later); false for a number not called.</summary>
    public bool Accepted { get; internal set; }

    /// <summary>The vendor's message, or why the number was not called.</summary>
    public string? Message { get; internal set; }

    /// <summary>Why a number was not called, as a code: DoNotCall for a number on the do-not-call list; empty otherwise.</summary>
    public string? Code { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Phone} {(Accepted ? "accepted" : "refused")} {DataId}";
}
