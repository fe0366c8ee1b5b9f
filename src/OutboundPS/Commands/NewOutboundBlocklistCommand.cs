using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Creates a blocklist group.</summary>
[Cmdlet(VerbsCommon.New, "OutboundBlocklist", SupportsShouldProcess = true)]
[OutputType(typeof(OutboundBlocklist))]
public sealed class NewOutboundBlocklistCommand : BlocklistCmdlet
{
    /// <summary>The group's name.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = null!;

    /// <summary>A note on the group.</summary>
    [Parameter]
    public string? Remark { get; set; }

    /// <summary>The session; the newest when omitted.</summary>
    [Parameter]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var session = UseSession(Session);
        var lists = UseBlocklists(session);
        if (!ShouldProcess($"{session.Vendor} blocklist '{Name}'", "Create")) return;
        WriteObject(Run(token => lists.NewListAsync(Name, Remark, token), Name));
    }
}
