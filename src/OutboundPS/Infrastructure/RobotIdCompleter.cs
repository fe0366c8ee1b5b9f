using OutboundPS.Completion;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Completes -RobotId with the session's robots, their names shown.</summary>
internal sealed class RobotIdCompleter : OutboundCompleter
{
    private protected override CompletionKind Kind => CompletionKind.Robot;
}
