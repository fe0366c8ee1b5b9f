using System;
using System.Management.Automation;
using OutboundPS.Sessions;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;

namespace OutboundPS.Commands;

/// <summary>Gets tasks by id, or lists them (every page, newest first), honouring -First and -Skip.</summary>
[Cmdlet(VerbsCommon.Get, "OutboundTask", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(OutboundTask))]
public sealed class GetOutboundTaskCommand : OutboundCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    /// <summary>Task ids.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskId")]
    [TaskIdTransformation]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public OutboundTaskId[] Id { get; set; } = Array.Empty<OutboundTaskId>();

    /// <summary>Tasks whose name contains this text (matched by the vendor).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public string? Name { get; set; }

    /// <summary>Only tasks in these states.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public OutboundTaskStatus[]? Status { get; set; }

    /// <summary>The session; tasks piped in bring their own.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            foreach (var wanted in Id)
            {
                var session = UseSession(wanted, Session);
                OutboundTask? task = null;
                if (TryRun(async token => task = await session.Client.GetTaskAsync(wanted.Id, token).ConfigureAwait(false), wanted.Id)) WriteObject(task);
            }

            return;
        }

        List(UseSession(Session));
    }

    private void List(OutboundSession session)
    {
        var filter = new TaskFilter { Name = Name, Status = Status };
        var skip = PagingParameters.Skip;
        var remaining = PagingParameters.First;
        var progress = new ProgressRecord(1, "Get-OutboundTask", "Reading tasks");
        PagedListing.Write(this, page =>
        {
            var result = Run(token => session.Client.GetTaskPageAsync(filter, page, token));
            return new ListingPage<OutboundTask>(result.Tasks, result.Scanned, result.Total);
        }, ref skip, ref remaining, (read, total) =>
        {
            // Long listings show where they are, as PowerShellForGitHub does once there are many pages.
            progress.PercentComplete = (int)Math.Min(100, read * 100 / Math.Max(1, total));
            progress.StatusDescription = $"{read} of {total} tasks read";
            WriteProgress(progress);
        });
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
    }
}
