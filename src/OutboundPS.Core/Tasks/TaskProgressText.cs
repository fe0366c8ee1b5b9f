using System;

namespace OutboundPS.Tasks;

/// <summary>What a progress bar shows for a task.</summary>
internal static class TaskProgressText
{
    internal static (string Text, int Percent) Describe(OutboundTask task)
    {
        var percent = task.Total is > 0 && task.Called is { } called ? (int)Math.Min(100, called * 100L / task.Total.Value) : -1;
        var text = $"{task.Status}: {task.Called ?? 0} of {task.Total?.ToString() ?? "?"} called, {task.Connected ?? 0} connected";
        return (text, percent);
    }
}
