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
    /// <summary>One page (1-based) of templates, only those in one of <paramref name="status"/> when it names any.</summary>
    Task<SmsTemplatePage> GetSmsTemplatePageAsync(IReadOnlyList<SmsTemplateStatus>? status, int pageIndex, CancellationToken cancellationToken);
}

/// <summary>One page of SMS templates as the vendor listed it.</summary>
internal sealed class SmsTemplatePage
{
    internal SmsTemplatePage(IReadOnlyList<OutboundSmsTemplate> templates, int total, int? scanned = null)
    {
        Templates = templates;
        Total = total;
        Scanned = scanned ?? templates.Count;
    }

    internal IReadOnlyList<OutboundSmsTemplate> Templates { get; }

    /// <summary>Templates the vendor lists over all pages (before any filtering the vendor cannot do itself).</summary>
    internal int Total { get; }

    /// <summary>Vendor rows read for this page; more than Templates.Count when some were filtered out locally.</summary>
    internal int Scanned { get; }
}
