using System;
using System.Collections.Generic;

namespace OutboundPS;

/// <summary>A call task on either vendor, in the unified shape.</summary>
public sealed class OutboundTask
{
    internal OutboundTask(OutboundSession session, string id)
    {
        Session = session;
        Id = id;
    }

    /// <summary>The platform the task lives on.</summary>
    public OutboundVendor Vendor => Session.Vendor;

    /// <summary>The vendor's task id (a string: iFlytek ids are strings).</summary>
    public string Id { get; }

    /// <summary>Same as Id; lets a task bind to -TaskId parameters by property name.</summary>
    public string TaskId => Id;

    /// <summary>Task name.</summary>
    public string? Name { get; internal set; }

    /// <summary>Unified status.</summary>
    public OutboundTaskStatus Status { get; internal set; } = OutboundTaskStatus.Unknown;

    /// <summary>The vendor's raw status code.</summary>
    public int? VendorStatus { get; internal set; }

    /// <summary>Robot (script) id.</summary>
    public string? RobotId { get; internal set; }

    /// <summary>Caller line ids the task dials from; reads as the ids joined with "; ".</summary>
    public IReadOnlyList<string> Lines { get => _lines; internal set => _lines = ItemList<string>.Of(value); }
    private ItemList<string> _lines = ItemList<string>.NoItems;

    /// <summary>When the task starts (vendor zone, UTC+8).</summary>
    public DateTimeOffset? StartTime { get; internal set; }

    /// <summary>When the task ends even if unfinished.</summary>
    public DateTimeOffset? EndTime { get; internal set; }

    /// <summary>Daily dialling windows; reads as "09:00-12:00; 13:30-18:00".</summary>
    public IReadOnlyList<TimeRange> WorkingHours { get => _workingHours; internal set => _workingHours = ItemList<TimeRange>.Of(value); }
    private ItemList<TimeRange> _workingHours = ItemList<TimeRange>.NoItems;

    /// <summary>Daily breaks (BYRobot); reads as "12:00-13:30".</summary>
    public IReadOnlyList<TimeRange> BreakHours { get => _breakHours; internal set => _breakHours = ItemList<TimeRange>.Of(value); }
    private ItemList<TimeRange> _breakHours = ItemList<TimeRange>.NoItems;

    /// <summary>AI seats / concurrent calls, where the vendor reports it.</summary>
    public int? Concurrency { get; internal set; }

    /// <summary>Recall rounds for unconnected numbers.</summary>
    public int? RecallCount { get; internal set; }

    /// <summary>Wait between recall rounds.</summary>
    public TimeSpan? RecallInterval { get; internal set; }

    /// <summary>Customers in the task.</summary>
    public int? Total { get; internal set; }

    /// <summary>Customers dialled so far.</summary>
    public int? Called { get; internal set; }

    /// <summary>Customers who answered.</summary>
    public int? Connected { get; internal set; }

    /// <summary>Connected / Called, 0..1.</summary>
    public double? ConnectRate { get; internal set; }

    /// <summary>The connect rate from the counts (every vendor's mapper uses it, so the figures agree): null until a call is made.</summary>
    internal static double? RateOf(int? called, int? connected) =>
        called is > 0 && connected is { } answered ? Math.Round((double)answered / called.Value, 4) : null;

    /// <summary>Customers not yet finished.</summary>
    public int? Remaining { get; internal set; }

    /// <summary>When the task was created.</summary>
    public DateTimeOffset? Created { get; internal set; }

    /// <summary>The session the task was read through; binds to -Session down the pipeline.</summary>
    public OutboundSession Session { get; }

    /// <summary>True for states in which the task will make no further progress on its own.</summary>
    public bool IsFinished => Status is OutboundTaskStatus.Completed or OutboundTaskStatus.Stopped
        or OutboundTaskStatus.Expired or OutboundTaskStatus.Deleted;

    /// <inheritdoc />
    public override string ToString() => $"{Vendor} task {Id} '{Name}' ({Status})";
}
