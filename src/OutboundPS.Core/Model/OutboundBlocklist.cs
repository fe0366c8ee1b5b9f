namespace OutboundPS;

/// <summary>
/// A blocklist group of the account (BYRobot 黑名单分组), kept by the vendor for every task of the company; a call
/// record can carry its finish status 黑名单 (the outcome Blocked). Distinct from a do-not-call list kept locally (-ExcludePhone).
/// </summary>
public sealed class OutboundBlocklist
{
    internal OutboundBlocklist(OutboundSession session, string id, string? name)
    {
        Session = session;
        Id = id;
        Name = name;
    }

    /// <summary>The platform the group belongs to.</summary>
    public OutboundVendor Vendor => Session.Vendor;

    /// <summary>The group id (BYRobot blacklistInfoGroupId; -1 is the default group).</summary>
    public string Id { get; }

    /// <summary>The group's name.</summary>
    public string? Name { get; }

    /// <summary>The group's note.</summary>
    public string? Remark { get; internal set; }

    /// <summary>The vendor's publicFlag, as it reports it; null when it was not reported (a group just created).</summary>
    public bool? Public { get; internal set; }

    /// <summary>The session the group was read through; binds to -Session down the pipeline.</summary>
    public OutboundSession Session { get; }

    /// <inheritdoc />
    public override string ToString() => Name ?? Id;
}
