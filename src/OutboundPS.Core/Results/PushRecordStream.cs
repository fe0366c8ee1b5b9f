using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Push;

namespace OutboundPS.Results;

/// <summary>
/// Call records converted from push bodies that come a batch at a time (the files of failed pushes, or the pushes an
/// in-process sandbox kept), with a yeta call's parts merged across the whole read.
/// </summary>
internal sealed class PushRecordStream : ICallRecordStream
{
    private readonly Func<CancellationToken, Task<IReadOnlyList<string>?>> _nextBodies;
    private readonly CallRecordFilter _filter;
    private readonly CancellationToken _stopping;
    private readonly PushBatch _batch = new();
    private bool _completed;

    /// <param name="nextBodies">The next batch of push bodies (JSON text, Y16 lines included), or null when there are no more.</param>
    /// <param name="filter">The filters; a non-empty TaskId keeps only that task's calls.</param>
    /// <param name="stopping">Ends the reads (Ctrl+C).</param>
    internal PushRecordStream(Func<CancellationToken, Task<IReadOnlyList<string>?>> nextBodies, CallRecordFilter filter, CancellationToken stopping)
    {
        _nextBodies = nextBodies;
        _filter = filter;
        _stopping = stopping;
    }

    public int? Total => null;

    public long Scanned { get; private set; }

    public async Task<IReadOnlyList<OutboundCallRecord>?> NextAsync()
    {
        if (_completed) return null;
        var bodies = await _nextBodies(_stopping).ConfigureAwait(false);
        IEnumerable<object> converted;
        if (bodies is null)
        {
            _completed = true;
            converted = _batch.Complete();
        }
        else
        {
            Scanned += bodies.Count;
            converted = bodies.SelectMany(Convert).ToArray();
        }

        // Task-status pushes (BYRobot JOB_INFO_RESULT) are not call records.
        return converted.OfType<OutboundCallRecord>().Where(Wanted).ToArray();
    }

    /// <summary>A line that is not a push the vendor documents is reported and passed over, so one bad line costs only itself.</summary>
    private IEnumerable<object> Convert(string body)
    {
        try
        {
            return _batch.Add(body);
        }
        catch (OutboundException error)
        {
            Diagnostics.OperationLog.Warning(error.Message);
            return Array.Empty<object>();
        }
    }

    private bool Wanted(OutboundCallRecord record) =>
        (_filter.TaskId.Length == 0 || record.TaskId == _filter.TaskId) && _filter.Matches(record);

    public void Dispose()
    {
    }
}
