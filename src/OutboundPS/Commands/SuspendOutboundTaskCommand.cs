using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;

namespace OutboundPS.Commands;

/// <summary>Pauses running tasks; Start-OutboundTask resumes them.</summary>
[Cmdlet(VerbsLifecycle.Suspend, "OutboundTask", SupportsShouldProcess = true)]
[OutputType(typeof(OutboundTask))]
public sealed class SuspendOutboundTaskCommand : TaskTransitionCmdlet
{
    /// <inheritdoc />
    protected override string Action => "Suspend";

    /// <inheritdoc />
    private protected override Task Invoke(IOutboundClient client, string taskId, CancellationToken cancellationToken) =>
        client.PauseTaskAsync(taskId, cancellationToken);
}
