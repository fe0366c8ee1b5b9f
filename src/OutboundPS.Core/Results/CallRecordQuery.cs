using System;
using OutboundPS.Contract;

namespace OutboundPS.Results;

/// <summary>Which of a vendor's lists Get-OutboundCallRecord reads.</summary>
internal enum CallRecordSource
{
    /// <summary>Finished numbers of a task, with their outcome (BYRobot queryDoneTaskPhones).</summary>
    Finished,

    /// <summary>Numbers not yet dialled (BYRobot notDialedCustomerList).</summary>
    Pending,

    /// <summary>Calls whose result callback never arrived, each then read in full (BYRobot queryUnCallBack, then phoneLogInfo).</summary>
    MissedCallbacks,

    /// <summary>One day's pushes the vendor could not deliver (iFlytek download/v1/push/failed).</summary>
    FailedPushes,
}

/// <summary>Everything Get-OutboundCallRecord asks of a read.</summary>
internal sealed class CallRecordQuery
{
    internal CallRecordQuery(CallRecordSource source, CallRecordFilter filter)
    {
        Source = source;
        Filter = filter;
    }

    internal CallRecordSource Source { get; }

    /// <summary>The task (empty for missed callbacks of every task) and the filters.</summary>
    internal CallRecordFilter Filter { get; }

    /// <summary>Reads each record's detail too (BYRobot phoneLogInfo): the transcript and the variables sent.</summary>
    internal bool IncludeTranscript { get; set; }

    /// <summary>The China-time day of failed pushes.</summary>
    internal DateTime FailedPushDate { get; set; }

    /// <summary>First and last China-time day of missed callbacks.</summary>
    internal DateTime Since { get; set; }

    internal DateTime Until { get; set; }

    /// <summary>Pages (and detail reads) in flight at once.</summary>
    internal int ThrottleLimit { get; set; } = 4;

    /// <summary>Records to pass over before the first one returned (-Skip); whole pages are not read when nothing is filtered.</summary>
    internal long Skip { get; set; }

    /// <summary>Whether the task id is given; missed callbacks may be read for every task.</summary>
    internal string? TaskId => Filter.TaskId.Length == 0 ? null : Filter.TaskId;

    /// <summary>True when every record the vendor lists is returned, so skipped pages need not be read.</summary>
    internal bool IsUnfiltered => Filter.Outcome is not { Count: > 0 } && Filter.Intent is not { Count: > 0 } && Filter.MinDuration is null;
}
