using OutboundPS.Completion;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Completes -Session with the names of the runspace's sessions.</summary>
internal sealed class SessionCompleter : OutboundCompleter
{
    private protected override CompletionKind Kind => CompletionKind.Session;
}
