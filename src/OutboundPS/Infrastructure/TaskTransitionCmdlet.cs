using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Start-, Suspend- and Stop-OutboundTask: a state change that can return the task afterwards.</summary>
public abstract class TaskTransitionCmdlet : TaskActionCmdlet
{
    /// <summary>Returns each task after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override bool ReturnTask => PassThru;
}
