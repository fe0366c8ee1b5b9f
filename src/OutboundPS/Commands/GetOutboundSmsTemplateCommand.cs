using System.Management.Automation;
using OutboundPS.Sessions;
using OutboundPS.Commands.Infrastructure;

namespace OutboundPS.Commands;

/// <summary>Lists the account's SMS templates (every page), honouring -First and -Skip.</summary>
[Cmdlet(VerbsCommon.Get, "OutboundSmsTemplate", SupportsPaging = true)]
[OutputType(typeof(OutboundSmsTemplate))]
public sealed class GetOutboundSmsTemplateCommand : OutboundCmdlet
{
    /// <summary>Only templates in these review states.</summary>
    [Parameter]
    public SmsTemplateStatus[]? Status { get; set; }

    /// <summary>The session; the newest when omitted.</summary>
    [Parameter]
    [SessionTransformation]
    [ArgumentCompleter(typeof(SessionCompleter))]
    public OutboundSession? Session { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var session = UseSession(Session);
        var skip = PagingParameters.Skip;
        var remaining = PagingParameters.First;
        PagedListing.Write(this, page =>
        {
            var result = Run(token => session.Client.GetSmsTemplatePageAsync(Status, page, token));
            return new ListingPage<OutboundSmsTemplate>(result.Templates, result.Scanned, result.Total);
        }, ref skip, ref remaining);
    }
}
