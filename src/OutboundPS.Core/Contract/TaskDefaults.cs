using System;

namespace OutboundPS.Contract;

/// <summary>What OutboundPS sends when the user leaves a task setting out.</summary>
internal static class TaskDefaults
{
    /// <summary>09:00–20:00, the dialling window BYRobot documents for phone tasks (vendor-api.md 1.1.7).</summary>
    internal static readonly TimeRange[] WorkingHours = { new(TimeSpan.FromHours(9), TimeSpan.FromHours(20)) };
}
