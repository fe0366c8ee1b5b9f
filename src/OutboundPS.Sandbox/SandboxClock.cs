using System;
using System.Diagnostics;

namespace OutboundPS.Sandbox;

/// <summary>The simulators' notion of now; tasks progress as it advances.</summary>
public abstract class SandboxClock
{
    /// <summary>China time, in which both vendors write their times and count their days.</summary>
    internal static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The simulated time (UTC+8, like both vendors).</summary>
    public abstract DateTimeOffset Now { get; }
}

/// <summary>Time that runs faster than real time, so that -Sandbox tasks finish in seconds.</summary>
public sealed class ScaledClock : SandboxClock
{
    private readonly DateTimeOffset _origin = DateTimeOffset.UtcNow.ToOffset(China);
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    /// <summary>Creates a clock running <paramref name="speed"/> times faster than real time.</summary>
    public ScaledClock(double speed) => Speed = speed;

    /// <summary>Simulated seconds per real second.</summary>
    public double Speed { get; }

    /// <inheritdoc />
    public override DateTimeOffset Now => _origin + TimeSpan.FromTicks((long)(_watch.Elapsed.Ticks * Speed));
}

/// <summary>Time that moves only when a test says so.</summary>
public sealed class ManualClock : SandboxClock
{
    private DateTimeOffset _now;

    /// <summary>Creates a clock stopped at <paramref name="start"/>.</summary>
    public ManualClock(DateTimeOffset start) => _now = start;

    /// <inheritdoc />
    public override DateTimeOffset Now => _now;

    /// <summary>Moves time forward.</summary>
    public void Advance(TimeSpan by) => _now += by;
}
