using System;
using System.Collections.Generic;

namespace OutboundPS.Sandbox.Pushes;

/// <summary>
/// How a vendor delivers its pushes: content type, what reply counts as received, how long it waits for one, how
/// often it tries and how long it waits between tries. Each vendor's simulator declares its own (in its folder).
/// </summary>
public sealed class PushRule
{
    private readonly IReadOnlyList<TimeSpan> _intervals;
    private readonly TimeSpan _thereafter;

    /// <summary>Creates a rule; <paramref name="intervals"/>[0] is the wait before the second attempt.</summary>
    public PushRule(string contentType, int maxAttempts, Func<string, bool> accepts, TimeSpan replyTimeout,
        IReadOnlyList<TimeSpan> intervals, TimeSpan thereafter, bool intervalsOnSimulatedClock)
    {
        ContentType = contentType;
        MaxAttempts = maxAttempts;
        Accepts = accepts;
        ReplyTimeout = replyTimeout;
        _intervals = intervals;
        _thereafter = thereafter;
        IntervalsOnSimulatedClock = intervalsOnSimulatedClock;
    }

    /// <summary>The Content-Type header of every push, exactly as the vendor spells it.</summary>
    public string ContentType { get; }

    /// <summary>Deliveries tried at most, the first one included.</summary>
    public int MaxAttempts { get; }

    /// <summary>Whether a 2xx reply's body acknowledges the push.</summary>
    public Func<string, bool> Accepts { get; }

    /// <summary>Real time the sender waits for a reply before counting the attempt as failed.</summary>
    public TimeSpan ReplyTimeout { get; }

    /// <summary>Whether the waits between attempts run on the simulator's clock (BYRobot's hours) or in real time.</summary>
    public bool IntervalsOnSimulatedClock { get; }

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more).</summary>
    public TimeSpan IntervalBefore(int attempt) => attempt - 2 < _intervals.Count ? _intervals[Math.Max(0, attempt - 2)] : _thereafter;
}
