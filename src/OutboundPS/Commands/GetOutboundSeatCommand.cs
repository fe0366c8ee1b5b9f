using System.Management.Automation;
using OutboundPS.Sessions;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Shows the account's AI seats: all, in use, free.</summary>
[Cmdlet(VerbsCommon.Get, "OutboundSeat")]
[OutputType(typeof(OutboundSeat))]
public sealed class GetOutboundSeatCommand : OutboundCmdlet
{
    /// <summary>The session; the newest when omitted.</summary>
    [Parameter]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var session = UseSession(Session);
        WriteObject(Run(token => session.Client.GetSeatsAsync(token)));
    }
}
