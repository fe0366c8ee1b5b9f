using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.ByRobot;
using OutboundPS.Contract;
using OutboundPS.Http;
using OutboundPS.Import;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>BYRobot's AI seats and SMS templates (docs/vendors/byrobot.md#companyseatstatistics, #smstemplatelist) through the real client.</summary>
public sealed class ByRobotAccountTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Seats_ReportAllAndInUse_AndFreeIsTheRest()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var client = h.Session.Client;
        var idle = await client.GetSeatsAsync(None);
        Assert.Equal((ByRobotSimulator.Seats, 0, ByRobotSimulator.Seats), (idle.Total, idle.InUse, idle.Free));

        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "seats", RobotId = "5002", Lines = new[] { "101" }, Concurrency = 3 }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        foreach (var phone in Enumerable.Range(0, 20).Select(i => $"138001380{i:00}")) await import.AddAsync(SandboxHarness.Row(("Phone", phone), ("Name", "n")), null, None);
        await import.CompleteAsync(None);
        await client.StartTaskAsync(task.Id, None);
        h.Clock.Advance(TimeSpan.FromSeconds(2));

        var busy = await client.GetSeatsAsync(None);
        Assert.Equal((ByRobotVendor.Id, "3813"), (busy.Vendor, busy.CompanyId));
        Assert.Equal((10, 3, 7), (busy.Total, busy.InUse, busy.Free));
        var (request, _) = h.Last("/company/seat/statistics");
        Assert.Equal("GET", request.Method);
        Assert.Equal(h.Session.CompanyId, request.Query["companyId"]);
        Assert.Equal(new[] { "appkey", "datetime", "sign" }, new[] { "appkey", "datetime", "sign" }.Where(request.Headers.ContainsKey));
    }

    [Fact]
    public async Task SmsTemplates_MapEveryDocumentedField_InChinaTime()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var page = await h.Session.Client.GetSmsTemplatePageAsync(null, 1, None);

        Assert.Equal(4, page.Total);
        Assert.Equal(new[] { SmsTemplateStatus.Approved, SmsTemplateStatus.Approved, SmsTemplateStatus.UnderReview, SmsTemplateStatus.Rejected },
            page.Templates.Select(t => t.Status));
        var rejected = page.Templates.Single(t => t.Id == "8004");
        Assert.Equal(("理财推荐", SmsTemplateType.Finance, 3, "营销内容需注明风险提示"), (rejected.Name, rejected.Type, rejected.VendorStatus, rejected.FailReason));
        Assert.Equal(("301", "百应沙箱"), (rejected.SignId, rejected.SignName));
        Assert.StartsWith("新品理财", rejected.Content);
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 14, 45, 0, TimeSpan.FromHours(8)), rejected.Created);
        Assert.Equal(rejected.Created, rejected.Modified);
        Assert.Equal(ByRobotVendor.Id, rejected.Vendor);
        Assert.Equal(new[] { SmsTemplateType.Notice, SmsTemplateType.Marketing, SmsTemplateType.VerificationCode, SmsTemplateType.Finance },
            page.Templates.Select(t => t.Type));
        Assert.Null(page.Templates.Single(t => t.Id == "8001").FailReason);
    }

    [Theory]
    [InlineData(SmsTemplateStatus.UnderReview, "1", "8003")]
    [InlineData(SmsTemplateStatus.Approved, "2", "8001,8002")]
    [InlineData(SmsTemplateStatus.Rejected, "3", "8004")]
    public async Task SmsTemplates_StatusFilter_SendsTheDocumentedCode(SmsTemplateStatus status, string code, string ids)
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var page = await h.Session.Client.GetSmsTemplatePageAsync(new[] { status }, 1, None);

        Assert.Equal(ids, string.Join(",", page.Templates.Select(t => t.Id)));
        Assert.Equal(code, h.Last("/sms/template/list").Request.Query["status"]);
    }

    [Fact]
    public async Task SmsTemplates_SeveralStatusesOrUnknown_AreFilteredHere_WithoutAStatusSent()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false, arrange: s => s.AddSmsTemplate("新状态", 1, 9, "内容"));
        var several = await h.Session.Client.GetSmsTemplatePageAsync(new[] { SmsTemplateStatus.Approved, SmsTemplateStatus.Rejected }, 1, None);
        Assert.Equal("8001,8002,8004", string.Join(",", several.Templates.Select(t => t.Id)));
        Assert.Equal((5, 5), (several.Total, several.Scanned));
        Assert.False(h.Last("/sms/template/list").Request.Query.ContainsKey("status"));

        var unknown = Assert.Single((await h.Session.Client.GetSmsTemplatePageAsync(new[] { SmsTemplateStatus.Unknown }, 1, None)).Templates);
        Assert.Equal((SmsTemplateStatus.Unknown, 9), (unknown.Status, unknown.VendorStatus));
    }

    [Fact]
    public async Task SmsTemplates_AreReadPageByPage_AtTheClientsPageSize()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false, arrange: s =>
        {
            for (var i = 0; i < 60; i++) s.AddSmsTemplate($"模板{i}", 1, 2, "内容");
        });
        var first = await h.Session.Client.GetSmsTemplatePageAsync(null, 1, None);
        var second = await h.Session.Client.GetSmsTemplatePageAsync(null, 2, None);

        Assert.Equal((64, 50, 14), (first.Total, first.Templates.Count, second.Templates.Count));
        Assert.Empty(first.Templates.Select(t => t.Id).Intersect(second.Templates.Select(t => t.Id)));
        var (request, _) = h.Last("/sms/template/list");
        Assert.Equal(("2", "50", false), (request.Query["pageNum"], request.Query["pageSize"], request.Query.ContainsKey("status")));
    }

    [Fact]
    public void SmsEnvelope_IsReadWithItsOwnMessageField()
    {
        var refused = Encoding.UTF8.GetBytes("""{"data":null,"code":403,"msg":"权限不足","success":false}""");
        var error = Assert.Throws<OutboundException>(() => ByRobotEnvelopeReader.Parse<ByRobotSmsTemplatePage>(new RawResponse(200, refused), "sms/template/list"));
        Assert.Equal(("OutboundPS.ByRobot.403", "权限不足"), (error.ErrorId, error.VendorMessage));

        var html = Encoding.UTF8.GetBytes("<html>502</html>");
        var unreadable = Assert.Throws<OutboundException>(() => ByRobotEnvelopeReader.Parse<ByRobotSmsTemplatePage>(new RawResponse(502, html), "sms/template/list"));
        Assert.Equal("OutboundPS.ByRobot.UnreadableAnswer", unreadable.ErrorId);
    }

    [Fact]
    public async Task IFlytek_SeatsAndSmsTemplates_AreNotImplemented_NamingWhatToUse()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var sent = h.Simulator.Received.Count;
        var seats = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.GetSeatsAsync(None));
        var templates = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.GetSmsTemplatePageAsync(null, 1, None));

        Assert.Equal(("OutboundPS.IFlytek.NotImplemented", OutboundErrorKind.NotImplemented), (seats.ErrorId, seats.Kind));
        Assert.Contains("Get-OutboundSeat", seats.Message);
        Assert.Contains("Get-OutboundLine", seats.Message);
        Assert.Equal("OutboundPS.IFlytek.NotImplemented", templates.ErrorId);
        Assert.Contains("no SMS templates", templates.Message);
        Assert.Contains("-SendSms", templates.Message);
        Assert.Equal(sent, h.Simulator.Received.Count);
    }
}
