using System;
using System.Collections.Concurrent;
using System.Threading;

namespace OutboundPS.Tests.Support;

/// <summary>
/// A clock for the retry pipeline that stands still and fires every timer at once, recording the wait it was asked for:
/// a test reads the delays the pipeline computed without waiting them out.
/// </summary>
internal sealed class InstantTime : TimeProvider
{
    private readonly DateTimeOffset _now;

    internal InstantTime(DateTimeOffset now) => _now = now;

    /// <summary>The waits asked for, in order.</summary>
    internal ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow() => _now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
}
