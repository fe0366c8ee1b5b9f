using System;
using System.Collections.Generic;
using System.Globalization;

namespace OutboundPS;

/// <summary>What Add-OutboundBlocklistNumber did with every number it was given: Read = Added + Rejected + Failed + Unknown.</summary>
public sealed class OutboundBlocklistResult
{
    internal OutboundBlocklistResult(OutboundSession session, string listId)
    {
        Session = session;
        ListId = listId;
    }

    /// <summary>The platform of the list.</summary>
    public OutboundVendor Vendor => Session.Vendor;

    /// <summary>The group the numbers went to (-1: the default group).</summary>
    public string ListId { get; }

    /// <summary>Numbers given.</summary>
    public long Read { get; internal set; }

    /// <summary>Numbers now on the list.</summary>
    public long Added { get; internal set; }

    /// <summary>Numbers refused here, never sent.</summary>
    public long Rejected { get; internal set; }

    /// <summary>Numbers the vendor refused.</summary>
    public long Failed { get; internal set; }

    /// <summary>Numbers sent whose fate cannot be known.</summary>
    public long Unknown { get; internal set; }

    /// <summary>Requests sent.</summary>
    public int Requests { get; internal set; }

    /// <summary>Every number and its outcome, with -PassThru; empty otherwise.</summary>
    public IReadOnlyList<OutboundBlocklistEntry> Numbers { get; internal set; } = Array.Empty<OutboundBlocklistEntry>();

    /// <summary>The session the list belongs to.</summary>
    public OutboundSession Session { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0:N0} read: {1:N0} added, {2:N0} rejected, {3:N0} failed, {4:N0} unknown", Read, Added, Rejected, Failed, Unknown);
}
