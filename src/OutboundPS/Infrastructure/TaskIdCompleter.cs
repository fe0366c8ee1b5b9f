using OutboundPS.Completion;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Completes -Id and -TaskId with the session's most recent tasks, by id, their names shown.</summary>
internal sealed class TaskIdCompleter : OutboundCompleter
{
    private protected override CompletionKind Kind => CompletionKind.Task;
}
