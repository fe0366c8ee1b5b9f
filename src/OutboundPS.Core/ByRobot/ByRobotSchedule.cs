using System;
using System.Collections.Generic;
using System.Globalization;

namespace OutboundPS.ByRobot;

/// <summary>
/// BYRobot has one daily window plus one break (docs/vendors/byrobot.md#working-hours-and-break), so two windows become window + break
/// and three or more cannot be expressed.
/// </summary>
internal readonly struct ByRobotSchedule
{
    private ByRobotSchedule(TimeRange window, TimeRange? pause)
    {
        Window = window;
        Break = pause;
    }

    internal TimeRange Window { get; }
    internal TimeRange? Break { get; }

    internal static ByRobotSchedule FromWindows(IReadOnlyList<TimeRange> windows, string parameter)
    {
        if (windows.Count > 2)
            throw OutboundErrors.InvalidArgument(parameter, string.Join(",", windows),
                "BYRobot takes one daily window and one break, so at most two windows.",
                "Give one window ('09:00-20:00') or two ('09:00-12:00','13:30-18:00'; the gap becomes the break).");
        var ordered = new List<TimeRange>(windows);
        ordered.Sort((a, b) => a.Start.CompareTo(b.Start));
        return ordered.Count == 1
            ? new ByRobotSchedule(ordered[0], null)
            : new ByRobotSchedule(new TimeRange(ordered[0].Start, ordered[1].End), new TimeRange(ordered[0].End, ordered[1].Start));
    }

    /// <summary>Working hours and break as reported by the vendor, back into windows.</summary>
    internal static (IReadOnlyList<TimeRange> Working, IReadOnlyList<TimeRange> Breaks) ToWindows(
        string? start, string? end, string? breakStart, string? breakEnd)
    {
        var window = Range(start, end);
        if (window is null) return (Array.Empty<TimeRange>(), Array.Empty<TimeRange>());
        var pause = Range(breakStart, breakEnd);
        if (pause is null || pause.Start <= window.Start || pause.End >= window.End) return (new[] { window }, Array.Empty<TimeRange>());
        return (new[] { new TimeRange(window.Start, pause.Start), new TimeRange(pause.End, window.End) }, new[] { pause });
    }

    internal static string Clock(TimeSpan time) => TimeRange.Format(time, withSeconds: false);

    private static TimeRange? Range(string? start, string? end) =>
        string.IsNullOrEmpty(start) || string.IsNullOrEmpty(end) ? null : TimeRange.TryParse($"{start}-{end}");

    /// <summary>A "yyyy-MM-dd HH:mm:ss" time in China time; a 1970 date means no value (docs/vendors/byrobot.md#ids-numbers-and-times).</summary>
    internal static DateTimeOffset? DateTime(string? text) =>
        System.DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time.Year > 1970
            ? new DateTimeOffset(time, VendorTime.ChinaOffset)
            : null;

    /// <summary>A "yyyy-MM-dd" task start or end date, from its midnight in China time.</summary>
    internal static DateTimeOffset? ParseDate(string? text) =>
        System.DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date, VendorTime.ChinaOffset)
            : null;

    internal static string Date(DateTimeOffset value) => VendorTime.InChina(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
