using System;
using System.Globalization;

namespace OutboundPS;

/// <summary>A daily time window such as 09:00-12:00.</summary>
public sealed class TimeRange : IEquatable<TimeRange>
{
    internal TimeRange(TimeSpan start, TimeSpan end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Time of day the window opens.</summary>
    public TimeSpan Start { get; }

    /// <summary>Time of day the window closes.</summary>
    public TimeSpan End { get; }

    /// <summary>The last second of the day: vendors take hours 00-23 only, so a window closing at 24:00 closes here.</summary>
    internal static readonly TimeSpan EndOfDay = new(23, 59, 59);

    /// <summary>
    /// Parses "HH:mm-HH:mm" or "HH:mm:ss-HH:mm:ss"; returns null when the text is not a valid window.
    /// An end of 24:00 means midnight and becomes 23:59:59, since neither vendor accepts hour 24.
    /// </summary>
    public static TimeRange? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text!.Trim().Split('-');
        if (parts.Length != 2) return null;
        var start = ParseTimeOfDay(parts[0]);
        var end = ParseTimeOfDay(parts[1]);
        if (start is null || end is null || end <= start) return null;
        return new TimeRange(start.Value, end.Value == TimeSpan.FromDays(1) ? EndOfDay : end.Value);
    }

    private static TimeSpan? ParseTimeOfDay(string text)
    {
        string[] formats = { @"h\:mm", @"hh\:mm", @"h\:mm\:ss", @"hh\:mm\:ss" };
        if (TimeSpan.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, out var value)
            && value >= TimeSpan.Zero && value < TimeSpan.FromDays(1))
            return value;
        // 24:00 closes a window at midnight.
        return text.Trim() is "24:00" or "24:00:00" ? TimeSpan.FromDays(1) : null;
    }

    /// <summary>True when the time of day lies inside the window.</summary>
    public bool Contains(TimeSpan timeOfDay) => timeOfDay >= Start && timeOfDay < End;

    /// <summary>The window as "HH:mm-HH:mm".</summary>
    public override string ToString() => $"{Format(Start, false)}-{Format(End, false)}";

    internal string ToString(bool withSeconds) => $"{Format(Start, withSeconds)}-{Format(End, withSeconds)}";

    internal static string Format(TimeSpan value, bool withSeconds)
    {
        var hours = (int)value.TotalHours;
        return withSeconds
            ? $"{hours:00}:{value.Minutes:00}:{value.Seconds:00}"
            : $"{hours:00}:{value.Minutes:00}";
    }

    /// <inheritdoc />
    public bool Equals(TimeRange? other) => other is not null && Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TimeRange);

    /// <inheritdoc />
    public override int GetHashCode() => Start.GetHashCode() * 397 ^ End.GetHashCode();
}
