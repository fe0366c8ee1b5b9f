using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Forgets a session and every secret and token it held.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Outbound", DefaultParameterSetName = SessionSet)]
[OutputType(typeof(void))]
public sealed class DisconnectOutboundCommand : OutboundCmdlet
{
    private const string SessionSet = "Session";
    private const string NameSet = "Name";

    /// <summary>The session; the newest when omitted.</summary>
    [Parameter(ParameterSetName = SessionSet, Position = 0, ValueFromPipeline = true)]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <summary>The session's name.</summary>
    [Parameter(Mandatory = true, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var session = ParameterSetName == NameSet ? Validate(() => Sessions.Find(Name), Name) : UseSession(Session);
        Sessions.Remove(session);
        WriteVerbose($"Disconnected session '{session.Name}'.");
    }
}
