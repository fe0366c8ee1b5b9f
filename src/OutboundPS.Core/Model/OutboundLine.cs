using System;
using System.Collections.Generic;

namespace OutboundPS;

/// <summary>A caller line (the number customers see).</summary>
public sealed class OutboundLine
{
    internal OutboundLine(OutboundVendor vendor, string id, string number)
    {
        Vendor = vendor;
        Id = id;
        Number = number;
    }

    /// <summary>The platform the line belongs to.</summary>
    public OutboundVendor Vendor { get; }

    /// <summary>What task creation takes: iFlytek line_num, BYRobot userPhoneId.</summary>
    public string Id { get; }

    /// <summary>The caller number.</summary>
    public string Number { get; }

    /// <summary>Display name, where the vendor has one.</summary>
    public string? Name { get; internal set; }

    /// <summary>Maximum concurrent calls on the line.</summary>
    public int? Concurrency { get; internal set; }

    /// <summary>Hours in which the line may dial; reads as "09:00-12:00; 13:30-18:00".</summary>
    public IReadOnlyList<TimeRange> WorkingHours { get => _workingHours; internal set => _workingHours = ItemList<TimeRange>.Of(value); }
    private ItemList<TimeRange> _workingHours = ItemList<TimeRange>.NoItems;

    /// <summary>True when a task occupies the line.</summary>
    public bool? InUse { get; internal set; }

    /// <summary>When the line expires; null when it never does.</summary>
    public DateTimeOffset? Expires { get; internal set; }

    /// <summary>BYRobot line type (phoneType), which task creation passes as callType.</summary>
    public int? LineType { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Number;
}
