using System.Management.Automation;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>A cmdlet acting on tasks named by id or given as OutboundTask objects (which bring their own session).</summary>
public abstract class TaskCmdlet : OutboundCmdlet
{
    /// <summary>The task id(s), or OutboundTask objects; a task acts in its own session.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskId")]
    [TaskIdTransformation]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public OutboundTaskId[] Id { get; set; } = System.Array.Empty<OutboundTaskId>();

    /// <summary>The session (or its name) for ids given as text; tasks bring their own.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }
}
