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
        long read = 0;
        for (var page = 1; remaining > 0; page++)
        {
            var result = Run(token => session.Client.GetSmsTemplatePageAsync(Status, page, token));
            if (page == 1 && PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount((ulong)result.Total, 1.0));
            read += result.Scanned;
            foreach (var template in result.Templates)
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                if (remaining == 0) break;
                WriteObject(template);
                remaining--;
            }

            if (result.Scanned == 0 || read >= result.Total) break;
        }
    }
}
