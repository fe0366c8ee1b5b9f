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

        long read = 0;
        // A first page is read for -IncludeTotalCount even under -First 0, which asks for the count alone.
        for (var page = 1; _remaining > 0 || (page == 1 && PagingParameters.IncludeTotalCount); page++)
        {
            var result = Run(token => lists.GetNumberPageAsync(listId, page, token), listId);
            if (page == 1 && PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount((ulong)result.Total, 1.0));
            read += result.Numbers.Count;
            foreach (var number in result.Numbers)
            {
                if (_skip > 0)
                {
                    _skip--;
                    continue;
                }

                if (_remaining == 0) break;
                WriteObject(number);
                _remaining--;
            }

            if (result.Numbers.Count == 0 || read >= result.Total) break;
        }
    }
}
