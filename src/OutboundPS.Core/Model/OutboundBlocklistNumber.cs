using System;

namespace OutboundPS;

/// <summary>One number on a blocklist group, as the vendor lists it.</summary>
public sealed class OutboundBlocklistNumber
{
    internal OutboundBlocklistNumber(OutboundSession session, string listId, string? id, string phone)
    {
        Session = session;
        ListId = listId;
        Id = id;
        Phone = phone;
    }

    /// <summary>The platform the list belongs to.</summary>
    public OutboundVendor Vendor => Session.Vendor;

    /// <summary>The group the number is on; binds to -ListId down the pipeline.</summary>
    public string ListId { get; }

    /// <summary>The entry's id (BYRobot blacklistInfoId).</summary>
    public string? Id { get; }

    /// <summary>The number, as the vendor stored it; binds to -Phone down the pipeline.</summary>
    public string Phone { get; }

    /// <summary>The name stored with the number.</summary>
    public string? Name { get; internal set; }

    /// <summary>The note stored with the number.</summary>
    public string? Remark { get; internal set; }

    /// <summary>When the number was added, in China time.</summary>
    public DateTimeOffset? Created { get; internal set; }

    /// <summary>The session the number was read through; binds to -Session down the pipeline.</summary>
    public OutboundSession Session { get; }

    /// <inheritdoc />
    public override string ToString() => Phone;
}
