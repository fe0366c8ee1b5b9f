namespace OutboundPS;

/// <summary>
/// What -Id and -TaskId take: a task's id, and, when an OutboundTask was given, the session the task belongs to,
/// so that commands on it act in its own account whatever session is newest.
/// </summary>
public sealed class OutboundTaskId
{
    /// <summary>A bare id, acted on in -Session or the default session.</summary>
    public OutboundTaskId(string id) => Id = id;

    /// <summary>A task, acted on in its own session.</summary>
    public OutboundTaskId(OutboundTask task)
    {
        Id = task.Id;
        Session = task.Session;
    }

    /// <summary>The vendor's task id.</summary>
    public string Id { get; }

    /// <summary>The session of the task it came from; null for a bare id.</summary>
    public OutboundSession? Session { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
