using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>A cmdlet acting on tasks named by id, bound from pipeline objects by property name.</summary>
public abstract class TaskCmdlet : OutboundCmdlet
{
    /// <summary>The task id(s); an OutboundTask binds through its Id property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskId")]
    [TaskIdTransformation]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = System.Array.Empty<string>();

    /// <summary>The session to use; tasks from Get-OutboundTask bring their own.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public OutboundSession? Session { get; set; }
}
