using System.Management.Automation;
using OutboundPS.Sessions;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Lists the caller lines of the account.</summary>
[Cmdlet(VerbsCommon.Get, "OutboundLine")]
[OutputType(typeof(OutboundLine))]
public sealed class GetOutboundLineCommand : OutboundCmdlet
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
        WriteObject(Run(token => session.Client.GetLinesAsync(token)), enumerateCollection: true);
    }
}
