using System.Collections.Generic;

namespace OutboundPS.Contract;

/// <summary>Checks task parameters that can be judged before anything is sent.</summary>
internal static class TaskInput
{
    internal static IReadOnlyList<TimeRange>? ParseWindows(string parameter, string[]? values)
    {
        if (values is null) return null;
        var ranges = new List<TimeRange>(values.Length);
        foreach (var text in values)
        {
            var range = TimeRange.TryParse(text)
                ?? throw OutboundErrors.InvalidArgument(parameter, text, "is not a daily time window.",
                    "Write windows as HH:mm-HH:mm with the end after the start, for example '09:00-12:00','13:30-18:00'.");
            foreach (var earlier in ranges)
                if (range.Start < earlier.End && earlier.Start < range.End)
                    throw OutboundErrors.InvalidArgument(parameter, text, $"overlaps {earlier}.", "Give windows that do not overlap.");
            ranges.Add(range);
        }

        return ranges;
    }

    internal static void CheckTimes(System.DateTimeOffset? start, System.DateTimeOffset? end)
    {
        if (start is { } s && end is { } e && e <= s)
            throw OutboundErrors.InvalidArgument("EndTime", e, $"is not after -StartTime {s:yyyy-MM-dd HH:mm}.", "Give an end time after the start time.");
    }
}
