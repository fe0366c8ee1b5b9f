using System;
using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;
using OutboundPS.Results;

namespace OutboundPS.Commands;

/// <summary>
/// Reads what happened to a task's customers: finished calls, numbers not yet dialled, callbacks that never arrived, or
/// pushes the vendor could not deliver.
/// </summary>
[Cmdlet(VerbsCommon.Get, "OutboundCallRecord", DefaultParameterSetName = FinishedSet, SupportsPaging = true)]
[OutputType(typeof(OutboundCallRecord))]
public sealed class GetOutboundCallRecordCommand : OutboundCmdlet
{
    private const string FinishedSet = "Finished";
    private const string PendingSet = "Pending";
    private const string MissedSet = "MissedCallback";
    private const string FailedPushSet = "FailedPush";

    /// <summary>The task (an id, or an OutboundTask, which brings its session).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = FinishedSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PendingSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Position = 0, ParameterSetName = MissedSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Position = 0, ParameterSetName = FailedPushSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [TaskIdTransformation]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public OutboundTaskId? TaskId { get; set; }

    /// <summary>Only calls that ended so.</summary>
    [Parameter(ParameterSetName = FinishedSet)]
    [Parameter(ParameterSetName = MissedSet)]
    [Parameter(ParameterSetName = FailedPushSet)]
    public CallOutcome[]? Outcome { get; set; }

    /// <summary>Only customers the robot gave one of these intent levels.</summary>
    [Parameter(ParameterSetName = FinishedSet)]
    [Parameter(ParameterSetName = MissedSet)]
    [Parameter(ParameterSetName = FailedPushSet)]
    [ValidateSet("A", "B", "C", "D", "E", "F")]
    public string[]? Intent { get; set; }

    /// <summary>Only calls that lasted at least this long.</summary>
    [Parameter(ParameterSetName = FinishedSet)]
    [Parameter(ParameterSetName = MissedSet)]
    [Parameter(ParameterSetName = FailedPushSet)]
    public TimeSpan? MinDuration { get; set; }

    /// <summary>Reads each call's transcript and the variables sent for it (one request per record).</summary>
    [Parameter(ParameterSetName = FinishedSet)]
    [Parameter(ParameterSetName = MissedSet)]
    public SwitchParameter IncludeTranscript { get; set; }

    // Pending and MissedCallback are also optional in the default set, so that -Pending:$false and -MissedCallback:$false
    // bind where leaving them out does; which records are read follows the switches' values, not the set.

    /// <summary>Lists the numbers the task has not dialled yet.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PendingSet)]
    [Parameter(ParameterSetName = FinishedSet)]
    public SwitchParameter Pending { get; set; }

    /// <summary>Reads the calls whose result callback never reached you, in full.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MissedSet)]
    [Parameter(ParameterSetName = FinishedSet)]
    public SwitchParameter MissedCallback { get; set; }

    /// <summary>The first day (China time) of missed callbacks.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MissedSet)]
    public DateTime Since { get; set; }

    /// <summary>The last day (China time) of missed callbacks; today when omitted.</summary>
    [Parameter(ParameterSetName = MissedSet)]
    public DateTime? Until { get; set; }

    /// <summary>Reads one day's pushes the vendor could not deliver (iFlytek), China time: one of the last 7 days, not today.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FailedPushSet)]
    public DateTime FailedPushDate { get; set; }

    /// <summary>Pages, and detail reads, in flight at once.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>The session; a task piped in brings its own.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var session = TaskId is { } task ? UseSession(task, Session) : UseSession(Session);
        var source = Validate(() => CallRecordSources.Choose(Pending, MissedCallback, ParameterSetName == MissedSet, ParameterSetName == FailedPushSet,
            Outcome is not null || Intent is not null || MinDuration is not null || IncludeTranscript), TaskId?.Id);
        var query = new CallRecordQuery(source, new CallRecordFilter(TaskId?.Id ?? string.Empty)
        {
            Outcome = Outcome,
            Intent = Intent,
            MinDuration = MinDuration,
        })
        {
            IncludeTranscript = IncludeTranscript,
            Since = VendorTime.ChinaDate(Since),
            Until = VendorTime.ChinaDate(Until ?? DateTime.Now),
            FailedPushDate = VendorTime.ChinaDate(FailedPushDate),
            ThrottleLimit = ThrottleLimit,
            Skip = (long)PagingParameters.Skip,
        };
        Read(session, query);
    }

    private void Read(OutboundSession session, CallRecordQuery query)
    {
        var remaining = PagingParameters.First;
        var progress = new ProgressRecord(2, "Get-OutboundCallRecord", TaskId is null ? $"Reading {session.Vendor} call records" : $"Reading call records of {session.Vendor} task {TaskId}");
        using var reader = Validate(() => CallRecordReads.Open(session, query, StopToken), TaskId?.Id);
        var first = true;
        while (remaining > 0)
        {
            var records = Run(_ => reader.NextAsync(), TaskId?.Id);
            if (first && PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount((ulong)(reader.Total ?? 0), query.IsUnfiltered ? 1.0 : 0.5));
            first = false;
            if (records is null) break;
            foreach (var record in records)
            {
                if (remaining == 0) break;
                WriteObject(record);
                remaining--;
            }

            if (reader.Total is > 0 and var total)
            {
                progress.PercentComplete = (int)Math.Min(100, reader.Scanned * 100 / total);
                progress.StatusDescription = $"{reader.Scanned} of {total} records read";
                WriteProgress(progress);
            }
        }

        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
    }
}
