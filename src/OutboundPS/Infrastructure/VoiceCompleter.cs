using OutboundPS.Completion;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>Completes -Voice with the session's TTS voices (iFlytek); nothing for a vendor without voices.</summary>
internal sealed class VoiceCompleter : OutboundCompleter
{
    private protected override CompletionKind Kind => CompletionKind.Voice;
}
