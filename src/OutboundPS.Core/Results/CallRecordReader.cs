using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;

namespace OutboundPS.Results;

/// <summary>
/// Reads call records page by page with several pages in flight, returning them in the vendor's order as they arrive,
/// so the cmdlet streams records without holding the whole list. A page that arrives starts the next request at once,
/// not when the consumer next asks, so writing records to the pipeline never leaves the network idle; at most
/// ThrottleLimit requests run and at most twice that many pages wait, so memory stays flat. Filters the vendor could
/// not apply are applied here; details (transcripts, missed callbacks) are read with the same bound on requests.
/// </summary>
internal sealed class CallRecordReader : ICallRecordStream
{
    private readonly IOutboundClient _client;
    private readonly CallRecordQuery _query;
    private readonly int _pageSize;
    private readonly int _firstPage;
    private readonly object _gate = new();
    private readonly Queue<Task<CallRecordPage>> _pages = new();
    private readonly CancellationTokenSource _abandon;
    private readonly SemaphoreSlim _details;
    private readonly CallVariableReads? _variableReads;
    private int _nextPage;
    private int _lastPage = int.MaxValue;
    private int _running;
    private int? _total;
    private long _skip;

    /// <summary>A reader whose requests end when <paramref name="stopping"/> is cancelled (Ctrl+C) or the reader is disposed.</summary>
    internal CallRecordReader(IOutboundClient client, CallRecordQuery query, CancellationToken stopping)
    {
        _abandon = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _client = client;
        _query = query;
        var limits = client.Descriptor.Limits;
        _pageSize = Math.Max(1, query.Source == CallRecordSource.MissedCallbacks ? limits.MissedCallbackPageSize : limits.CallRecordPageSize);
        _details = new SemaphoreSlim(Math.Max(1, query.ThrottleLimit));
        _skip = query.Skip;
        _firstPage = 1;
        if (query.IsUnfiltered && query.Source != CallRecordSource.MissedCallbacks)
        {
            // Whole pages of skipped records need not be read.
            _firstPage = 1 + (int)(_skip / _pageSize);
            _skip %= _pageSize;
        }

        _nextPage = _firstPage;
        // A finished list without details carries no variables; an import reads them when the records reach it.
        if (query.Source == CallRecordSource.Finished && !query.IncludeTranscript) _variableReads = new CallVariableReads(client, query.ThrottleLimit);
    }

    /// <summary>Records the vendor lists in all (before local filtering); null until the first page arrives.</summary>
    public int? Total
    {
        get
        {
            lock (_gate) return _total;
        }
    }

    /// <summary>Vendor records read so far (before local filtering), for progress.</summary>
    public long Scanned { get; private set; }

    /// <summary>The next page's records that pass the filters (possibly none), or null when every page has been read.</summary>
    public async Task<IReadOnlyList<OutboundCallRecord>?> NextAsync()
    {
        Task<CallRecordPage> pending;
        lock (_gate)
        {
            // Only the first page is asked for alone: it says how many pages there are.
            if (_pages.Count == 0 && _nextPage <= _lastPage && (_nextPage == _firstPage || _total is not null)) Request();
            if (_pages.Count == 0) return null;
            pending = _pages.Dequeue();
            Fill();
        }

        var page = await pending.ConfigureAwait(false);
        Scanned += page.Records.Count;
        var records = await CompleteAsync(page.Records, _abandon.Token).ConfigureAwait(false);
        var passed = new List<OutboundCallRecord>(records.Count);
        foreach (var record in records)
        {
            if (!_query.Filter.Matches(record)) continue;
            if (_skip > 0)
            {
                _skip--;
                continue;
            }

            passed.Add(record);
        }

        _variableReads?.Track(passed);
        return passed;
    }

    /// <summary>Starts requests while fewer than ThrottleLimit run and fewer than twice that many pages wait; under the gate.</summary>
    private void Fill()
    {
        while (_total is not null && _nextPage <= _lastPage && _running < _query.ThrottleLimit && _pages.Count < 2 * _query.ThrottleLimit) Request();
    }

    /// <summary>Starts the next page's request; under the gate.</summary>
    private void Request()
    {
        var index = _nextPage++;
        var token = _abandon.Token;
        var page = _query.Source switch
        {
            CallRecordSource.Finished => _client.GetFinishedCallsAsync(_query.Filter, index, token),
            CallRecordSource.Pending => _client.GetPendingCallsAsync(_query.Filter.TaskId, index, token),
            _ => _client.GetMissedCallbacksAsync(_query.TaskId, _query.Since, _query.Until, index, token),
        };
        _running++;
        _pages.Enqueue(page);
        page.ContinueWith(done => Arrived(index, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>A page came back: the first says how many pages there are, an empty or failed one ends the list; then more are asked for.</summary>
    private void Arrived(int index, Task<CallRecordPage> done)
    {
        lock (_gate)
        {
            _running--;
            if (done.Status != TaskStatus.RanToCompletion)
            {
                // The consumer meets the failure when it reaches this page; nothing after it is asked for.
                _lastPage = Math.Min(_lastPage, index);
                return;
            }

            var page = done.Result;
            if (_total is null)
            {
                _total = page.Total;
                _lastPage = Math.Min(_lastPage, Math.Max(1, (page.Total + _pageSize - 1) / _pageSize));
            }

            // A list that shrank while it was read ends at its first empty page.
            if (page.Records.Count == 0) _lastPage = Math.Min(_lastPage, index - 1);
            Fill();
        }
    }

    /// <summary>Reads the details a record needs: every missed callback, and every record when transcripts are asked for.</summary>
    private async Task<IReadOnlyList<OutboundCallRecord>> CompleteAsync(IReadOnlyList<OutboundCallRecord> records, CancellationToken cancellationToken)
    {
        if (_query.Source == CallRecordSource.MissedCallbacks)
            return await Task.WhenAll(records.Select(r => DetailAsync(r, cancellationToken))).ConfigureAwait(false);
        if (!_query.IncludeTranscript || _query.Source != CallRecordSource.Finished) return records;
        // Only the records that pass the filters are worth a request each.
        var wanted = records.Where(_query.Filter.Matches).ToArray();
        var details = await Task.WhenAll(wanted.Select(r => DetailAsync(r, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < wanted.Length; i++)
        {
            wanted[i].Transcript = details[i].Transcript;
            wanted[i].Variables = details[i].Variables;
        }

        return wanted;
    }

    private async Task<OutboundCallRecord> DetailAsync(OutboundCallRecord record, CancellationToken cancellationToken)
    {
        await _details.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var detail = await _client.GetCallAsync(record.CallId!, cancellationToken).ConfigureAwait(false);
            // A missed callback's dial time (callerTime) stands when the detail has none.
            detail.Dialled ??= record.Dialled;
            if (!_query.IncludeTranscript) detail.Transcript = null;
            return detail;
        }
        finally
        {
            _details.Release();
        }
    }

    /// <summary>Abandons pages still in flight (the command stopped early: -First, Ctrl+C).</summary>
    public void Dispose()
    {
        _abandon.Cancel();
        Task[] pending;
        lock (_gate)
        {
            _lastPage = 0;
            pending = _pages.ToArray();
        }

        // Pages still in flight may touch the token until they end; their faults are observed, not reported as unobserved.
        Task.WhenAll(pending).ContinueWith(t =>
        {
            _ = t.Exception;
            _abandon.Dispose();
        }, TaskScheduler.Default);
        _details.Dispose();
    }
}
