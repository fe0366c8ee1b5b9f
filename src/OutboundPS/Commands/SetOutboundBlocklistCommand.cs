using System.Management.Automation;
using OutboundPS.Blocklists;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Renames a blocklist group or changes its note; what is not given is kept.</summary>
[Cmdlet(VerbsCommon.Set, "OutboundBlocklist", SupportsShouldProcess = true)]
[OutputType(typeof(OutboundBlocklist))]
public sealed class SetOutboundBlocklistCommand : BlocklistCmdlet
{
    /// <summary>The group's id (Get-OutboundBlocklist pipes it in).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = null!;

    /// <summary>The new name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The new note; an empty string clears it.</summary>
    [Parameter]
    public string? Remark { get; set; }

    /// <summary>Writes the group as it is afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

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
        if (Name is null && Remark is null)
            Fail(OutboundErrors.InvalidArgument("Name", null, "nothing to change: neither -Name nor -Remark was given.", "Pass -Name, -Remark or both."), Id);
        var change = Name is null ? "Change the note" : Remark is null ? $"Rename to '{Name}'" : $"Rename to '{Name}' and change the note";
        if (!ShouldProcess($"{session.Vendor} blocklist {Id}", change)) return;
        // The vendor needs the name on every edit, and may clear a note not sent: both are restated from the group as it is.
        var current = Run(token => BlocklistRemoval.FindAsync(session, lists, Id, token), Id);
        var name = Name ?? current.Name ?? string.Empty;
        var remark = Remark ?? current.Remark;
        Run(token => lists.SetListAsync(Id, name, remark, token), Id);
        if (PassThru) WriteObject(Run(token => BlocklistRemoval.FindAsync(session, lists, Id, token), Id));
    }
}
