using System;
using System.Collections.Generic;
using System.Diagnostics;
using OutboundPS.Contract;
using OutboundPS.Push;

namespace OutboundPS.Receiving;

/// <summary>
/// Turns stored pushes into the objects a receiver writes, one thread at a time: BYRobot callbacks at once; the parts
/// of a yeta call merged by call_uuid and written when the call is complete or <see cref="PushReceiverOptions.PartWait"/>
/// after its first part (an unanswered call never gets a recording or a dialog). Stops writing at the count asked for.
/// </summary>
internal sealed class PushOutput
{
    private readonly PushBatch _batch;
    private readonly Action<object> _write;
    private readonly int? _count;
    private readonly long _partWaitTicks;
    private readonly object _gate = new();
    private int _written;
    private bool _closed;

    internal PushOutput(PushReceiverOptions options, Action<object> write)
    {
        _batch = new PushBatch(options.RecordingBaseUri);
        _write = write;
        _count = options.Count;
        // A wait too long to count in ticks is no wait limit at all.
        var ticks = options.PartWait.TotalSeconds * Stopwatch.Frequency;
        _partWaitTicks = ticks >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)ticks;
    }

    /// <summary>Set once the count is reached.</summary>
    internal event Action? CountReached;

    internal int Written
    {
        get
        {
            lock (_gate) return _written;
        }
    }

    /// <summary>A push just stored; false when nothing more is written (the count was reached, or the receiver stopped).</summary>
    internal bool Add(PushMessage message)
    {
        lock (_gate)
        {
            if (_closed) return false;
            Write(_batch.Add(message, Stopwatch.GetTimestamp()));
            return true;
        }
    }

    /// <summary>Writes the yeta calls that have waited long enough for their other parts.</summary>
    internal void WriteOverdue()
    {
        lock (_gate)
            if (!_closed) Write(_batch.TakeWaitingSince(Stopwatch.GetTimestamp() - _partWaitTicks));
    }

    /// <summary>Writes every call still waiting (when <paramref name="flush"/>), then nothing more.</summary>
    internal void Close(bool flush)
    {
        lock (_gate)
        {
            if (_closed) return;
            if (flush) Write(_batch.Complete());
            _closed = true;
        }
    }

    private void Write(IReadOnlyList<object> ready)
    {
        foreach (var item in ready)
        {
            if (_closed) return;
            _write(item);
            _written++;
            if (_written == _count)
            {
                _closed = true;
                CountReached?.Invoke();
            }
        }
    }
}
