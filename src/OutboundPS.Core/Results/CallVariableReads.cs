using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;

namespace OutboundPS.Results;

/// <summary>
/// Reads the variables of call records whose list carries none (BYRobot queryDoneTaskPhones), when the records go to an
/// import: a recall task's robot needs them, and reading them for every record listed would double what a plain read
/// costs. A record asks for its own (the call detail, phoneLogInfo); the records of its page that follow it are read
/// alongside, ThrottleLimit at a time, since a pipeline hands them to the import one after another. Only reads still in
/// flight count against ThrottleLimit: a record read ahead that never reaches the import (a Where-Object between
/// dropped it) must not take a place for good.
/// </summary>
internal sealed class CallVariableReads : ICallVariableSource
{
    private readonly IOutboundClient _client;
    private readonly int _throttleLimit;
    private readonly object _gate = new();
    private readonly Dictionary<OutboundCallRecord, Task<OutboundCallRecord>> _started = new(ReferenceComparer.Instance);
    private IReadOnlyList<OutboundCallRecord> _page = Array.Empty<OutboundCallRecord>();

    internal CallVariableReads(IOutboundClient client, int throttleLimit)
    {
        _client = client;
        _throttleLimit = Math.Max(1, throttleLimit);
    }

    /// <summary>The records of the page being written: only they are read ahead, so nothing older is held.</summary>
    internal void Track(IReadOnlyList<OutboundCallRecord> page)
    {
        lock (_gate)
        {
            // Reads no record came for are let go with their page once they have ended; one still running keeps its place.
            foreach (var ended in _started.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToArray()) _started.Remove(ended);
            _page = page;
            foreach (var record in page)
                if (record.Variables.Count == 0 && record.CallId is not null) record.VariableReads = this;
        }
    }

    /// <summary>The record's variables from its call detail, and the next records of its page started.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(OutboundCallRecord record, CancellationToken cancellationToken)
    {
        Task<OutboundCallRecord> own;
        lock (_gate)
        {
            own = Start(record, cancellationToken);
            var next = IndexOf(record) + 1;
            for (var i = next; i > 0 && i < _page.Count && InFlight() < _throttleLimit; i++)
                if (_page[i].VariableReads == this) Start(_page[i], cancellationToken);
        }

        try
        {
            return (await own.ConfigureAwait(false)).Variables;
        }
        finally
        {
            lock (_gate) _started.Remove(record);
            record.VariableReads = null;
        }
    }

    private Task<OutboundCallRecord> Start(OutboundCallRecord record, CancellationToken cancellationToken)
    {
        if (!_started.TryGetValue(record, out var read))
        {
            read = _client.GetCallAsync(record.CallId!, cancellationToken);
            _started[record] = read;
        }

        return read;
    }

    private int InFlight()
    {
        var running = 0;
        foreach (var read in _started.Values)
            if (!read.IsCompleted) running++;
        return running;
    }

    private int IndexOf(OutboundCallRecord record)
    {
        for (var i = 0; i < _page.Count; i++)
            if (ReferenceEquals(_page[i], record)) return i;
        return -1;
    }

    private sealed class ReferenceComparer : IEqualityComparer<OutboundCallRecord>
    {
        internal static readonly ReferenceComparer Instance = new();

        public bool Equals(OutboundCallRecord? x, OutboundCallRecord? y) => ReferenceEquals(x, y);

        public int GetHashCode(OutboundCallRecord obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
