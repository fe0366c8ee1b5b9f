namespace OutboundPS;

/// <summary>The account's AI seats (robots that may talk at once): how many there are, how many are busy, how many are free.</summary>
public sealed class OutboundSeat
{
    internal OutboundSeat(OutboundVendor vendor, string? companyId, int total, int inUse)
    {
        Vendor = vendor;
        CompanyId = companyId;
        Total = total;
        InUse = inUse;
    }

    /// <summary>The platform the seats belong to.</summary>
    public OutboundVendor Vendor { get; }

    /// <summary>The company whose seats these are (BYRobot companyId).</summary>
    public string? CompanyId { get; }

    /// <summary>All AI seats of the company.</summary>
    public int Total { get; }

    /// <summary>Seats in use now.</summary>
    public int InUse { get; }

    /// <summary>Seats free now: Total less InUse, never below zero.</summary>
    public int Free => Total > InUse ? Total - InUse : 0;

    /// <inheritdoc />
    public override string ToString() => $"{InUse} of {Total} in use";
}
