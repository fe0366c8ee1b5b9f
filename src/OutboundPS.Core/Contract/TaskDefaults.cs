using System;

namespace OutboundPS.Contract;

/// <summary>What OutboundPS sends when the user leaves a task setting out.</summary>
internal static class TaskDefaults
{
    /// <summary>09:00–20:00, the dialling window BYRobot documents for phone tasks (docs/vendors/byrobot.md#working-hours-and-break).</summary>
    internal static readonly TimeRange[] WorkingHours = { new(TimeSpan.FromHours(9), TimeSpan.FromHours(20)) };
}
