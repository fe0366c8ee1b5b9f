using System;
using System.Management.Automation;
using OutboundPS.Sessions;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Tasks;

namespace OutboundPS.Commands;

/// <summary>Waits until tasks complete, stop or are paused, showing progress; like Wait-Job.</summary>
[Cmdlet(VerbsLifecycle.Wait, "OutboundTask")]
[OutputType(typeof(OutboundTask))]
public sealed class WaitOutboundTaskCommand : TaskCmdlet
{
    /// <summary>Seconds to wait at most; forever when omitted.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Timeout { get; set; }

    /// <summary>Seconds between polls.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollInterval { get; set; } = 5;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var task in Id)
        {
            var session = UseSession(task, Session);
            var id = task.Id;
            var progress = new ProgressRecord(Math.Abs(id.GetHashCode() % 1000) + 1, $"Waiting for {session.Vendor} task {id}", "Polling");
            var waiter = new TaskWaiter();
            OutboundTask? done = null;
            var waited = TryRun(async token => done = await waiter.WaitAsync(session.Client, id,
                Timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null, TimeSpan.FromSeconds(PollInterval),
                observed => OnPipelineThread(() => Observe(progress, observed)), token).ConfigureAwait(false), id);
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            if (!waited) continue;
            if (done is null)
            {
                WriteError(ErrorRecords.From(new OutboundException("OutboundPS.WaitTimeout", OutboundErrorKind.OperationTimeout,
                    $"{session.Vendor} task {id} was still running after {Timeout} s. Wait again, or check it with Get-OutboundTask."), id));
                continue;
            }

            WriteObject(done);
        }
    }

    private void Observe(ProgressRecord progress, OutboundTask task)
    {
        var status = TaskProgressText.Describe(task);
        progress.StatusDescription = status.Text;
        progress.PercentComplete = status.Percent;
        WriteProgress(progress);
        WriteVerbose($"Task {task.Id}: {status.Text}");
    }
}
