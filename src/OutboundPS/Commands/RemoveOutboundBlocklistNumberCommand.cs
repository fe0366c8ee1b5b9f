using System.Collections.Generic;
using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;
using OutboundPS.Contract;
using OutboundPS.Import;

namespace OutboundPS.Commands;

/// <summary>Removes numbers from a blocklist group: typed, or piped from Get-OutboundBlocklistNumber.</summary>
[Cmdlet(VerbsCommon.Remove, "OutboundBlocklistNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveOutboundBlocklistNumberCommand : BlocklistCmdlet
{
    private readonly List<(OutboundSession Session, IBlocklists Lists, string ListId, string Phone)> _confirmed = new();

    /// <summary>The group (an id or an OutboundBlocklist); a piped number brings its own.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [BlocklistIdTransformation]
    [ValidateNotNullOrEmpty]
    public string ListId { get; set; } = null!;

    /// <summary>The numbers to remove, written any way the import reads them.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Phone { get; set; } = null!;

    /// <summary>The session; the number's own when piped, else the newest.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var session = UseSession(Session);
        var lists = UseBlocklists(session);
        foreach (var text in Phone)
        {
            // Only read, not judged: a number on the list is removed even in a range that would not be dialled.
            if (!PhoneNumber.TryRead(text, out var phone, out var refusal))
            {
                WriteError(ErrorRecords.From(OutboundErrors.InvalidArgument("Phone", text, refusal.Problem!, refusal.Fix + "."), text));
                continue;
            }

            if (ShouldProcess($"{session.Vendor} blocklist {ListId}", $"Remove {phone}")) _confirmed.Add((session, lists, ListId, phone));
        }
    }

    /// <summary>
    /// Removes what was confirmed only once the input has ended: Get-OutboundBlocklistNumber reads the group a page at a
    /// time, and a number removed while it reads would move the rest up a page, past the reader (every other page
    /// would be skipped).
    /// </summary>
    protected override void EndProcessing()
    {
        foreach (var (session, lists, listId, phone) in _confirmed)
        {
            var removed = false;
            if (!TryRun(async token => removed = await lists.RemoveNumberAsync(listId, phone, token).ConfigureAwait(false), phone)) continue;
            if (!removed)
                WriteError(ErrorRecords.From(new OutboundException($"OutboundPS.{session.Vendor}.BlocklistNumberNotFound", OutboundErrorKind.ObjectNotFound,
                    $"{session.Vendor} removed nothing: blocklist {listId} does not hold {phone}. Get-OutboundBlocklistNumber -ListId {listId} lists what it holds.")
                { Vendor = session.Vendor, TargetObject = phone }, phone));
        }
    }
}
