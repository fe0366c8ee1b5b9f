using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;

namespace OutboundPS.ByRobot;

/// <summary>The company's AI seats and SMS templates (docs/vendors/byrobot.md#companyseatstatistics, #smstemplatelist).</summary>
internal sealed partial class ByRobotClient : ISeatReads, ISmsTemplateReads
{
    internal const string SeatsPath = "openapi/v1/company/seat/statistics";
    internal const string SmsTemplatesPath = "openapi/v1/sms/template/list";

    public async Task<OutboundSeat> GetSeatsAsync(CancellationToken cancellationToken)
    {
        var seats = await GetAsync<ByRobotSeatStatistics>(SeatsPath, "company/seat/statistics", cancellationToken, Company()).ConfigureAwait(false)
            ?? throw OutboundErrors.UnreadableAnswer(Vendor, "company/seat/statistics", 200, "(no seat counts in data)");
        return new OutboundSeat(Vendor, _session.CompanyId, seats.CompanyAllCallSeat ?? 0, seats.CompanyUsingCallSeat ?? 0);
    }

    public async Task<SmsTemplatePage> GetSmsTemplatePageAsync(IReadOnlyList<SmsTemplateStatus>? status, int pageIndex, CancellationToken cancellationToken)
    {
        var wanted = status is { Count: > 0 } ? status : null;
        var query = Company();
        query["pageNum"] = pageIndex.ToString(CultureInfo.InvariantCulture);
        query["pageSize"] = ByRobotVendor.SmsTemplatePageSize.ToString(CultureInfo.InvariantCulture);
        // The list filters one status code; several, or Unknown (which has no code), are filtered here, page by page.
        var codes = wanted?.Distinct().Select(ByRobotSmsTemplateMap.ToCode).ToArray();
        if (codes is { Length: 1 } && codes[0] is { } code) query["status"] = code.ToString(CultureInfo.InvariantCulture);
        var page = await GetAsync<ByRobotSmsTemplatePage>(SmsTemplatesPath, "sms/template/list", cancellationToken, query).ConfigureAwait(false)
            ?? new ByRobotSmsTemplatePage();
        var items = page.List ?? Array.Empty<ByRobotSmsTemplate>();
        var templates = items.Select(ByRobotSmsTemplateMap.ToTemplate).Where(t => wanted is null || wanted.Contains(t.Status)).ToArray();
        return new SmsTemplatePage(templates, page.Total ?? items.Length, items.Length);
    }
}
