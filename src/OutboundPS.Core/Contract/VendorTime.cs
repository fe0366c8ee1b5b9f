using System;

namespace OutboundPS;

/// <summary>Both vendors keep China time (UTC+8); OutboundPS reports times in that zone.</summary>
internal static class VendorTime
{
    internal static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    internal static DateTimeOffset? FromEpochMilliseconds(long? milliseconds) =>
        milliseconds is null or <= 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(milliseconds.Value).ToOffset(ChinaOffset);

    internal static long ToEpochMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    internal static DateTimeOffset InChina(DateTimeOffset value) => value.ToOffset(ChinaOffset);

    /// <summary>
    /// The China-time day a date parameter names: a date typed without a zone ('2026-11-20') is that day; a local or UTC
    /// time (Get-Date) is the day it falls on in China.
    /// </summary>
    internal static DateTime ChinaDate(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? value.Date : InChina(new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero)).Date;
}
