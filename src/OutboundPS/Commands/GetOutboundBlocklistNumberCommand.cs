using System.Management.Automation;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Lists the numbers on a blocklist group, page by page as they are read, honouring -First and -Skip.</summary>
[Cmdlet(VerbsCommon.Get, "OutboundBlocklistNumber", SupportsPaging = true)]
[OutputType(typeof(OutboundBlocklistNumber))]
public sealed class GetOutboundBlocklistNumberCommand : BlocklistCmdlet
{
    /// <summary>The group (an id or an OutboundBlocklist, which pipes in); the default group when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [BlocklistIdTransformation]
    [ValidateNotNullOrEmpty]
    public string? ListId { get; set; }

    /// <summary>The session; the group's own when piped, else the newest.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    private ulong _skip;
    private ulong _remaining;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        // -First and -Skip count over everything this command writes, across every group piped in.
        _skip = PagingParameters.Skip;
        _remaining = PagingParameters.First;
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var session = UseSession(Session);
        var lists = UseBlocklists(session);
        var listId = ListId ?? lists.DefaultListId;

        PagedListing.Write(this, page =>
        {
            var result = Run(token => lists.GetNumberPageAsync(listId, page, token), listId);
            return new ListingPage<OutboundBlocklistNumber>(result.Numbers, result.Numbers.Count, result.Total);
        }, ref _skip, ref _remaining);
    }
}
