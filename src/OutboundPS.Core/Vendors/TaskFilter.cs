using System.Collections.Generic;

namespace OutboundPS.Vendors;

/// <summary>What Get-OutboundTask asks for when it lists tasks.</summary>
internal sealed class TaskFilter
{
    internal string? Name { get; set; }
    internal IReadOnlyList<OutboundTaskStatus>? Status { get; set; }
}

/// <summary>One page of a task listing.</summary>
internal sealed class TaskPage
{
    internal TaskPage(IReadOnlyList<OutboundTask> tasks, int total)
    {
        Tasks = tasks;
        Total = total;
    }

    internal IReadOnlyList<OutboundTask> Tasks { get; }

    /// <summary>Tasks matching the filter over all pages.</summary>
    internal int Total { get; }
}
