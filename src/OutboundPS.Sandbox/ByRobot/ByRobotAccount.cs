using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace OutboundPS.Sandbox.ByRobot;

/// <summary>
/// The company's AI seats and SMS templates (docs/vendors/byrobot.md#companyseatstatistics, #smstemplatelist): a fixed number
/// of seats, of which running tasks use their concurrency, and a few templates in every review state.
/// </summary>
public sealed partial class ByRobotSimulator
{
    /// <summary>The sandbox company's AI seats.</summary>
    public const int Seats = 10;

    private readonly List<(long Id, string Name, int Type, int Status, string Content, string? FailReason, string Created)> _smsTemplates = new()
    {
        (8001, "还款提醒通知", 1, 2, "尊敬的${name}，您本期应还${amount}元，请按时还款。", null, "2026-03-02 10:15:00"),
        (8002, "回访感谢", 2, 2, "感谢您接听我们的回访电话，祝您生活愉快。", null, "2026-04-11 09:30:00"),
        (8003, "验证码", 3, 1, "您的验证码为${code}，5分钟内有效。", null, "2026-11-20 16:00:00"),
        (8004, "理财推荐", 4, 3, "新品理财年化收益高达8%，点击了解。", "营销内容需注明风险提示", "2026-05-06 14:45:00"),
    };
    private long _nextSmsTemplateId = 8101;

    /// <summary>Adds an SMS template (type 1–4, status 1 under review, 2 approved, 3 rejected), so tests can list several pages.</summary>
    public void AddSmsTemplate(string name, int type, int status, string content, string? failReason = null)
    {
        lock (Gate) _smsTemplates.Add((_nextSmsTemplateId++, name, type, status, content, failReason, Clock.Now.ToString("yyyy-MM-dd HH:mm:ss")));
    }

    /// <summary>Running tasks hold their concurrency in seats; more than the company has is capped, as the platform queues the rest.</summary>
    private SimulatedResponse SeatStatistics(long company)
    {
        var inUse = _tasks.Values.Where(t => t.CompanyId == company && t.Status is 1 or 3).Sum(t => t.ConcurrencyQuota);
        return Success(new JsonObject { ["companyAllCallSeat"] = Seats, ["companyUsingCallSeat"] = Math.Min(Seats, inUse) });
    }

    /// <summary>sms/template/list: pageNum and pageSize required, status optional, in its own envelope {data, code, msg, success}.</summary>
    private SimulatedResponse SmsTemplates(SimulatedRequest request)
    {
        if (!long.TryParse(Query(request, "companyId"), out var company)) return SmsAnswer(412, "参数错误: companyId 必填", null);
        if (_companies.All(c => c.Id != company)) return SmsAnswer(403, "权限不足", null);
        if (!int.TryParse(Query(request, "pageNum"), out var pageNum) || !int.TryParse(Query(request, "pageSize"), out var pageSize) || pageNum < 1 || pageSize < 1)
            return SmsAnswer(412, "参数错误: pageNum, pageSize 必填", null);
        int? status = int.TryParse(Query(request, "status"), out var s) ? s : null;
        if (status is not (null or 1 or 2 or 3)) return SmsAnswer(412, "参数错误: status", null);
        var matches = _smsTemplates.Where(t => status is null || t.Status == status).ToList();
        var list = matches.Skip((pageNum - 1) * pageSize).Take(pageSize).Select(t => (JsonNode)new JsonObject
        {
            ["smsTemplateId"] = t.Id,
            ["companyId"] = company,
            ["name"] = t.Name,
            ["smsTemplateSignId"] = 301,
            ["type"] = t.Type,
            ["content"] = t.Content,
            ["status"] = t.Status,
            ["failReason"] = t.FailReason,
            ["smsTemplateSignName"] = "百应沙箱",
            ["gmtCreate"] = t.Created,
            ["gmtModified"] = t.Created,
        }).ToArray();
        var startRow = list.Length == 0 ? 0 : (pageNum - 1) * pageSize + 1;
        return SmsAnswer(200, "成功", new JsonObject
        {
            ["pageNum"] = pageNum,
            ["pageSize"] = pageSize,
            ["size"] = list.Length,
            ["orderBy"] = null,
            ["startRow"] = startRow,
            ["endRow"] = list.Length == 0 ? 0 : startRow + list.Length - 1,
            ["total"] = matches.Count,
            ["pages"] = (matches.Count + pageSize - 1) / pageSize,
            ["list"] = new JsonArray(list),
        });
    }

    private static SimulatedResponse SmsAnswer(int code, string message, JsonNode? data) =>
        JsonAnswer.Ok(new JsonObject { ["data"] = data, ["code"] = code, ["msg"] = message, ["success"] = code == 200 });
}
