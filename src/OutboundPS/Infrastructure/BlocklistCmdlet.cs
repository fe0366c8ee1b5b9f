using OutboundPS.Contract;
using OutboundPS.Sessions;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>The blocklist cmdlets: each reaches the vendor's blocklists before anything else, so a vendor without them stops the command first.</summary>
public abstract class BlocklistCmdlet : OutboundCmdlet
{
    /// <summary>The session's blocklists; NotImplemented (naming the local alternative) ends the command when the vendor keeps none.</summary>
    private protected IBlocklists UseBlocklists(OutboundSession session) => Validate(() => session.Client.Blocklists, session.Vendor);
}
