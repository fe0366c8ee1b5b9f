using OutboundPS.Completion;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Completes -Line with the session's caller lines.</summary>
internal sealed class LineCompleter : OutboundCompleter
{
    private protected override CompletionKind Kind => CompletionKind.Line;
}
