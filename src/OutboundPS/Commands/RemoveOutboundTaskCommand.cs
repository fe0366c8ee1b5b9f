using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;

namespace OutboundPS.Commands;

/// <summary>Deletes tasks; a deleted task cannot be restarted.</summary>
[Cmdlet(VerbsCommon.Remove, "OutboundTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveOutboundTaskCommand : TaskActionCmdlet
{
    /// <summary>Deletes without asking for confirmation (for runbooks).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override string Action => "Delete";

    /// <inheritdoc />
    protected override bool Confirmed(OutboundSession session, string id) =>
        // -Force skips the confirmation prompt but never -WhatIf.
        (Force && !MyInvocation.BoundParameters.ContainsKey("WhatIf")) || ShouldProcess($"{session.Vendor} task {id}", Action);

    /// <inheritdoc />
    private protected override Task Invoke(IOutboundClient client, string taskId, CancellationToken cancellationToken) =>
        client.DeleteTaskAsync(taskId, cancellationToken);
}
