using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;

namespace OutboundPS.Commands;

/// <summary>Starts (or resumes) tasks.</summary>
[Cmdlet(VerbsLifecycle.Start, "OutboundTask", SupportsShouldProcess = true)]
[OutputType(typeof(OutboundTask))]
public sealed class StartOutboundTaskCommand : TaskTransitionCmdlet
{
    /// <inheritdoc />
    protected override string Action => "Start";

    /// <inheritdoc />
    private protected override Task Invoke(IOutboundClient client, string taskId, CancellationToken cancellationToken) =>
        client.StartTaskAsync(taskId, cancellationToken);
}
