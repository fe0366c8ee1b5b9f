using System.Collections.Generic;

namespace OutboundPS.Contract;

/// <summary>Set-OutboundTask's parameters; null means unchanged.</summary>
internal sealed class TaskUpdateSpec
{
    internal TaskUpdateSpec(string taskId) => TaskId = taskId;

    internal string TaskId { get; }
    internal string? Name { get; set; }
    internal int? Concurrency { get; set; }
    internal IReadOnlyList<string>? Line { get; set; }
    internal IReadOnlyList<TimeRange>? WorkingHours { get; set; }
}
