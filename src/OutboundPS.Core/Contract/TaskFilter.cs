using System.Collections.Generic;

namespace OutboundPS.Contract;

/// <summary>What Get-OutboundTask asks for when it lists tasks.</summary>
internal sealed class TaskFilter
{
    internal string? Name { get; set; }
    internal IReadOnlyList<OutboundTaskStatus>? Status { get; set; }
}

/// <summary>One page of a task listing.</summary>
internal sealed class TaskPage
{
    internal TaskPage(IReadOnlyList<OutboundTask> tasks, int total, int? scanned = null)
    {
        Tasks = tasks;
        Total = total;
        Scanned = scanned ?? tasks.Count;
    }

    internal IReadOnlyList<OutboundTask> Tasks { get; }

    /// <summary>Tasks the vendor lists over all pages (before any filtering the vendor cannot do itself).</summary>
    internal int Total { get; }

    /// <summary>Vendor rows read for this page; more than Tasks.Count when some were filtered out locally.</summary>
    internal int Scanned { get; }
}
