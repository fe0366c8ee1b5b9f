using System.Management.Automation;
using OutboundPS.Blocklists;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Deletes a blocklist group; one that still holds numbers only with -Force, which removes them first.</summary>
[Cmdlet(VerbsCommon.Remove, "OutboundBlocklist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveOutboundBlocklistCommand : BlocklistCmdlet
{
    /// <summary>The group's id (Get-OutboundBlocklist pipes it in).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = null!;

    /// <summary>Removes the group's numbers first (the vendor deletes only an empty group); without it, a group with numbers is left as it is.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The session; the group's own when piped, else the newest.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var session = UseSession(Session);
        var lists = UseBlocklists(session);
        if (!ShouldProcess($"{session.Vendor} blocklist {Id}", Force ? "Delete, with every number on it" : "Delete")) return;
        var list = Run(token => BlocklistRemoval.FindAsync(session, lists, Id, token), Id);
        var removed = Run(token => BlocklistRemoval.RemoveAsync(session, lists, list, Force, token), Id);
        WriteVerbose(Force ? $"Blocklist '{list.Name}' ({Id}) deleted, after removing {removed} numbers." : $"Blocklist '{list.Name}' ({Id}) deleted.");
    }
}
