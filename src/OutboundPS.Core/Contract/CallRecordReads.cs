using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Contract;

/// <summary>What Get-OutboundCallRecord asks a vendor to filter; the reader checks every filter again on what comes back.</summary>
internal sealed class CallRecordFilter
{
    internal CallRecordFilter(string taskId) => TaskId = taskId;

    internal string TaskId { get; }
    internal IReadOnlyList<CallOutcome>? Outcome { get; set; }

    /// <summary>Intent letters A–F.</summary>
    internal IReadOnlyList<string>? Intent { get; set; }
    internal TimeSpan? MinDuration { get; set; }

    /// <summary>Whether a record passes every filter (the ones the vendor could not apply are applied here).</summary>
    internal bool Matches(OutboundCallRecord record) =>
        (Outcome is not { Count: > 0 } outcomes || Contains(outcomes, record.Outcome))
        && (Intent is not { Count: > 0 } intents || (record.Intent is { } letter && Contains(intents, letter)))
        && (MinDuration is not { } least || record.Duration >= least);

    private static bool Contains<T>(IReadOnlyList<T> list, T value)
    {
        foreach (var item in list)
            if (EqualityComparer<T>.Default.Equals(item, value)) return true;
        return false;
    }
}

/// <summary>One page of call records as the vendor listed it.</summary>
internal sealed class CallRecordPage
{
    internal CallRecordPage(IReadOnlyList<OutboundCallRecord> records, int total)
    {
        Records = records;
        Total = total;
    }

    internal IReadOnlyList<OutboundCallRecord> Records { get; }

    /// <summary>Records the vendor lists over all pages.</summary>
    internal int Total { get; }
}

/// <summary>A client that reads call results back by pull (BYRobot); a vendor whose client lacks it declares ReadCallRecords missing.</summary>
internal interface ICallRecordReads
{
    /// <summary>One page (1-based) of finished numbers, filtered by the vendor as far as it can.</summary>
    Task<CallRecordPage> GetFinishedCallsAsync(CallRecordFilter filter, int pageIndex, CancellationToken cancellationToken);

    /// <summary>One page of numbers not yet dialled.</summary>
    Task<CallRecordPage> GetPendingCallsAsync(string taskId, int pageIndex, CancellationToken cancellationToken);

    /// <summary>One call in full: outcome, analysis, variables and transcript.</summary>
    Task<OutboundCallRecord> GetCallAsync(string callId, CancellationToken cancellationToken);

    /// <summary>One page of calls whose result callback never arrived, between two China-time dates; only ids and phones.</summary>
    Task<CallRecordPage> GetMissedCallbacksAsync(string? taskId, DateTime since, DateTime until, int pageIndex, CancellationToken cancellationToken);
}

/// <summary>A client that lists the files of pushes the vendor could not deliver (iFlytek); others declare ReadFailedPushes missing.</summary>
internal interface IFailedPushReads
{
    /// <summary>The failure files of one China-time day.</summary>
    Task<IReadOnlyList<Uri>> GetFailedPushFilesAsync(DateTime date, CancellationToken cancellationToken);

    /// <summary>One failure file's bytes (a zip).</summary>
    Task<byte[]> DownloadAsync(Uri file, CancellationToken cancellationToken);
}
