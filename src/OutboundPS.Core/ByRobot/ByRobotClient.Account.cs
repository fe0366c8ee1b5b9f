using System;
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

    public async Task<SmsTemplatePage> GetSmsTemplatePageAsync(SmsTemplateStatus? status, int pageIndex, CancellationToken cancellationToken)
    {
        var query = Company();
        query["pageNum"] = pageIndex.ToString(CultureInfo.InvariantCulture);
        query["pageSize"] = ByRobotVendor.SmsTemplatePageSize.ToString(CultureInfo.InvariantCulture);
        if (status is { } wanted)
        {
            // An Unknown status has no code to ask for, so nothing matches it.
            if (ByRobotSmsTemplateMap.ToCode(wanted) is not { } code) return new SmsTemplatePage(Array.Empty<OutboundSmsTemplate>(), 0);
            query["status"] = code.ToString(CultureInfo.InvariantCulture);
        }

        var page = await GetAsync<ByRobotSmsTemplatePage>(SmsTemplatesPath, "sms/template/list", cancellationToken, query,
            (raw, operation) => ByRobotEnvelopeReader.ParseSms<ByRobotSmsTemplatePage>(raw, operation).Data).ConfigureAwait(false) ?? new ByRobotSmsTemplatePage();
        var items = page.List ?? Array.Empty<ByRobotSmsTemplate>();
        return new SmsTemplatePage(items.Select(ByRobotSmsTemplateMap.ToTemplate).ToArray(), page.Total ?? items.Length);
    }
}
