using System;
using System.Collections.Generic;
using System.Text.Json;
using OutboundPS.Contract;

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

    private readonly Dictionary<string, (IPushCall Call, long Since)> _pending = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long Since)> _arrival = new();
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly Queue<string> _writtenOrder = new();
    private readonly PushOptions _options;

    /// <param name="recordingBase">Base of yeta's relative recording paths; the one the docs show when null.</param>
    /// <param name="maxPendingCalls">yeta calls held at most while waiting for their other parts.</param>
    internal PushBatch(Uri? recordingBase = null, int maxPendingCalls = DefaultMaxPendingCalls)
    {
        if (maxPendingCalls < 1) throw new ArgumentOutOfRangeException(nameof(maxPendingCalls));
        _options = new PushOptions { RecordingBaseUri = recordingBase };
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

    /// <summary>
    /// Reads a body a host has already parsed: dictionaries (objects), lists (arrays) and scalars, as an HTTP trigger
    /// hands over a JSON request body. It is written back as JSON and read like the text.
    /// </summary>
    internal IReadOnlyList<object> AddParsed(object? graph, string? module = null) => Add(PushJsonWriter.Write(graph), module);

    /// <summary>
    /// Takes a push already read (a receiver reads each body first to know what it stores); <paramref name="arrived"/>
    /// stamps a call's first part, for <see cref="TakeWaitingSince"/>.
    /// </summary>
    internal IReadOnlyList<object> Add(PushMessage message, long arrived) => Accept(message, arrived);

    /// <summary>Every yeta call still waiting, merged from the parts that came, in the order they first came.</summary>
    internal IReadOnlyList<object> Complete() => TakeWaitingSince(long.MaxValue);

    /// <summary>
    /// The yeta calls whose first part was stamped before <paramref name="cutoff"/>, merged from the parts that came:
    /// a receiver stops waiting for parts that may never come (an unanswered call has no recording or dialog).
    /// </summary>
    internal IReadOnlyList<object> TakeWaitingSince(long cutoff)
    {
        var records = new List<object>();
        while (_arrival.Count > 0 && _arrival.Peek().Since < cutoff)
        {
            var (key, since) = _arrival.Dequeue();
            // An entry left behind by a call written earlier under the same key is not this call's.
            if (!_pending.TryGetValue(key, out var waiting) || waiting.Since != since) continue;
            _pending.Remove(key);
            records.Add(waiting.Call.ToRecord(_options));
        }

        return records;
    }

    private IReadOnlyList<object> Accept(PushMessage message, long arrived = 0)
    {
        if (message.Output is { } output) return new[] { output };
        var part = message.Part!;
        // Keys of different vendors never meet: the vendor is part of the key.
        var key = message.Vendor.Key + "\n" + part.CallKey;
        if (_written.Contains(key)) return Nothing;
        if (!_pending.TryGetValue(key, out var entry))
        {
            entry = (part.NewCall(), arrived);
            _pending.Add(key, entry);
            _arrival.Enqueue((key, arrived));
        }

        var call = entry.Call;
        call.Add(part);
        var ready = new List<object>(1);
        if (call.IsComplete)
        {
            _pending.Remove(key);
            Remember(key);
            ready.Add(call.ToRecord(_options));
        }

        while (_pending.Count > MaxPendingCalls)
        {
            var (oldest, since) = _arrival.Dequeue();
            if (!_pending.TryGetValue(oldest, out var waiting) || waiting.Since != since) continue;
            _pending.Remove(oldest);
            ready.Add(waiting.Call.ToRecord(_options));
        }

        TrimArrival();
        return ready.Count == 0 ? Nothing : ready;
    }

    /// <summary>Calls written complete leave ids behind in the arrival queue; drop them once they dominate it.</summary>
    private void TrimArrival()
    {
        if (_arrival.Count <= 2 * _pending.Count + 16) return;
        var live = new Queue<(string Key, long Since)>(_pending.Count);
        foreach (var entry in _arrival)
            if (_pending.TryGetValue(entry.Key, out var waiting) && waiting.Since == entry.Since) live.Enqueue(entry);
        _arrival.Clear();
        foreach (var entry in live) _arrival.Enqueue(entry);
    }

    private void Remember(string key)
    {
        if (!_written.Add(key)) return;
        _writtenOrder.Enqueue(key);
        if (_writtenOrder.Count > MaxPendingCalls) _written.Remove(_writtenOrder.Dequeue());
    }
}
