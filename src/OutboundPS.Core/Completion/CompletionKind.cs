namespace OutboundPS.Completion;

/// <summary>What a parameter's tab completion offers.</summary>
internal enum CompletionKind
{
    /// <summary>The session's recent tasks (-Id, -TaskId).</summary>
    Task,

    /// <summary>The session's robots (-RobotId).</summary>
    Robot,

    /// <summary>The session's caller lines (-Line).</summary>
    Line,

    /// <summary>The session's TTS voices (-Voice); none for a vendor whose tasks take no voice.</summary>
    Voice,

    /// <summary>The runspace's session names (-Session).</summary>
    Session,
}
