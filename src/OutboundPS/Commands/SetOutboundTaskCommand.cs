using System.Management.Automation;
using OutboundPS.Sessions;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;

namespace OutboundPS.Commands;

/// <summary>Changes a task that is not running (BYRobot task/update); iFlytek offers no such call.</summary>
[Cmdlet(VerbsCommon.Set, "OutboundTask", SupportsShouldProcess = true)]
[OutputType(typeof(OutboundTask))]
public sealed class SetOutboundTaskCommand : TaskCmdlet
{
    /// <summary>New task name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>New AI seat count.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int? Concurrency { get; set; }

    /// <summary>New caller line ids.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LineCompleter))]
    public string[]? Line { get; set; }

    /// <summary>New daily windows.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? WorkingHours { get; set; }

    /// <summary>Returns the changed task.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var task in Id)
        {
            var session = UseSession(task, Session);
            var id = task.Id;
            var spec = new TaskUpdateSpec(id) { Name = Name, Concurrency = Concurrency, Line = Line };
            spec.WorkingHours = Validate(() => TaskInput.ParseWindows(nameof(WorkingHours), WorkingHours), id);
            if (!ShouldProcess($"{session.Vendor} task {id}", "Update")) continue;
            Run(token => session.Client.UpdateTaskAsync(spec, token), id);
            if (PassThru) WriteObject(Run(token => session.Client.GetTaskAsync(id, token), id));
        }
    }
}
