using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Contract;

/// <summary>A client that reports the account's AI seats (BYRobot); a vendor whose client lacks it declares ReadSeats missing.</summary>
internal interface ISeatReads
{
    /// <summary>All seats of the session's company and how many are in use.</summary>
    Task<OutboundSeat> GetSeatsAsync(CancellationToken cancellationToken);
}

/// <summary>A client that lists the account's SMS templates (BYRobot); a vendor whose client lacks it declares ReadSmsTemplates missing.</summary>
internal interface ISmsTemplateReads
{
    /// <summary>One page (1-based) of templates, only those in <paramref name="status"/> when it is given.</summary>
    Task<SmsTemplatePage> GetSmsTemplatePageAsync(SmsTemplateStatus? status, int pageIndex, CancellationToken cancellationToken);
}

/// <summary>One page of SMS templates as the vendor listed it.</summary>
internal sealed class SmsTemplatePage
{
    internal SmsTemplatePage(IReadOnlyList<OutboundSmsTemplate> templates, int total)
    {
        Templates = templates;
        Total = total;
    }

    internal IReadOnlyList<OutboundSmsTemplate> Templates { get; }

    /// <summary>Templates the vendor lists over all pages.</summary>
    internal int Total { get; }
}
