using System;
using System.Collections.Generic;
using System.Text.Json;
using OutboundPS.IFlytek;

namespace OutboundPS.Push;

/// <summary>
/// Converts a stream of push bodies into call records and tasks, merging the parts of each yeta call.
/// Add returns what can be written at once: every BYRobot callback (a call comes whole in one), and a yeta call as soon
/// as all the parts it can have are in. Other yeta parts wait for Complete, because their order is not guaranteed.
/// </summary>
/// <remarks>
/// Memory is bounded by <see cref="MaxPendingCalls"/>: when one more yeta call would exceed it, the call waiting
/// longest is written as it stands, and parts of it arriving later come out as a second record with the same CallId.
/// Call ids already written complete are remembered (as many again) so that a redelivered part of such a call is dropped
/// rather than written as a second, partial record.
/// </remarks>
internal sealed class PushBatch
{
    internal const int DefaultMaxPendingCalls = 10_000;

    private static readonly IReadOnlyList<object> Nothing = Array.Empty<object>();

    private readonly Dictionary<string, IFlytekPushCall> _pending = new(StringComparer.Ordinal);
    private readonly Queue<string> _arrival = new();
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly Queue<string> _writtenOrder = new();
    private readonly Uri _recordingBase;

    /// <param name="recordingBase">Base of yeta's relative recording paths; the one the docs show when null.</param>
    /// <param name="maxPendingCalls">yeta calls held at most while waiting for their other parts.</param>
    internal PushBatch(Uri? recordingBase = null, int maxPendingCalls = DefaultMaxPendingCalls)
    {
        if (maxPendingCalls < 1) throw new ArgumentOutOfRangeException(nameof(maxPendingCalls));
        _recordingBase = recordingBase ?? IFlytekPushCall.DefaultRecordingBase;
        MaxPendingCalls = maxPendingCalls;
    }

    internal int MaxPendingCalls { get; }

    /// <summary>yeta calls waiting for more parts.</summary>
    internal int PendingCalls => _pending.Count;

    /// <summary>
    /// Reads one body (the request body as posted, or a line of a yeta push-failure file); returns the
    /// OutboundCallRecord and OutboundTask objects it completes. Throws OutboundException (OutboundPS.InvalidPush) for a
    /// body that is no documented push; the batch is unchanged then.
    /// </summary>
    internal IReadOnlyList<object> Add(string? body, string? module = null) => Accept(PushConverter.Read(body, module));

    /// <inheritdoc cref="Add(string, string)"/>
    internal IReadOnlyList<object> Add(JsonElement body, string? module = null) => Accept(PushConverter.Read(body, module));

    /// <summary>Every yeta call still waiting, merged from the parts that came, in the order they first came.</summary>
    internal IReadOnlyList<object> Complete()
    {
        var records = new List<object>(_pending.Count);
        while (_arrival.Count > 0)
        {
            var callUuid = _arrival.Dequeue();
            if (!_pending.TryGetValue(callUuid, out var call)) continue;
            _pending.Remove(callUuid);
            records.Add(call.ToRecord(_recordingBase));
        }

        return records;
    }

    private IReadOnlyList<object> Accept(PushMessage message)
    {
        if (message.Output is { } output) return new[] { output };
        var part = message.Part!;
        if (_written.Contains(part.CallUuid)) return Nothing;
        if (!_pending.TryGetValue(part.CallUuid, out var call))
        {
            call = new IFlytekPushCall(part.CallUuid);
            _pending.Add(part.CallUuid, call);
            _arrival.Enqueue(part.CallUuid);
        }

        call.Add(part);
        var ready = new List<object>(1);
        if (call.IsComplete)
        {
            _pending.Remove(call.CallUuid);
            Remember(call.CallUuid);
            ready.Add(call.ToRecord(_recordingBase));
        }

        while (_pending.Count > MaxPendingCalls)
        {
            var oldest = _arrival.Dequeue();
            if (!_pending.TryGetValue(oldest, out var waiting)) continue;
            _pending.Remove(oldest);
            ready.Add(waiting.ToRecord(_recordingBase));
        }

        TrimArrival();
        return ready.Count == 0 ? Nothing : ready;
    }

    /// <summary>Calls written complete leave ids behind in the arrival queue; drop them once they dominate it.</summary>
    private void TrimArrival()
    {
        if (_arrival.Count <= 2 * _pending.Count + 16) return;
        var live = new Queue<string>(_pending.Count);
        foreach (var callUuid in _arrival)
            if (_pending.ContainsKey(callUuid)) live.Enqueue(callUuid);
        _arrival.Clear();
        foreach (var callUuid in live) _arrival.Enqueue(callUuid);
    }

    private void Remember(string callUuid)
    {
        if (!_written.Add(callUuid)) return;
        _writtenOrder.Enqueue(callUuid);
        if (_writtenOrder.Count > MaxPendingCalls) _written.Remove(_writtenOrder.Dequeue());
    }
}
