using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;

namespace OutboundPS.Commands;

/// <summary>Terminates tasks for good (BYRobot task/stop); iFlytek offers no such call.</summary>
[Cmdlet(VerbsLifecycle.Stop, "OutboundTask", SupportsShouldProcess = true)]
[OutputType(typeof(OutboundTask))]
public sealed class StopOutboundTaskCommand : TaskTransitionCmdlet
{
    /// <inheritdoc />
    protected override string Action => "Stop";

    /// <inheritdoc />
    private protected override Task Invoke(IOutboundClient client, string taskId, CancellationToken cancellationToken) =>
        client.StopTaskAsync(taskId, cancellationToken);
}
