using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sessions;
using OutboundPS.Contract;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Start-, Suspend-, Stop- and Remove-OutboundTask: one vendor call per task, confirmed, errors per task.</summary>
public abstract class TaskActionCmdlet : TaskCmdlet
{
    /// <summary>The ShouldProcess action text, e.g. "Start".</summary>
    protected abstract string Action { get; }

    /// <summary>Whether -PassThru was asked for.</summary>
    protected virtual bool ReturnTask => false;

    /// <summary>The vendor call.</summary>
    private protected abstract Task Invoke(IOutboundClient client, string taskId, CancellationToken cancellationToken);

    /// <summary>Whether to ask before acting (Remove- honours -Force).</summary>
    protected virtual bool Confirmed(OutboundSession session, string id) => ShouldProcess($"{session.Vendor} task {id}", Action);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var task in Id)
        {
            var session = UseSession(task, Session);
            var id = task.Id;
            if (!Confirmed(session, id)) continue;
            if (!TryRun(token => Invoke(session.Client, id, token), id)) continue;

            if (ReturnTask) WriteObject(Run(token => session.Client.GetTaskAsync(id, token), id));
        }
    }
}
