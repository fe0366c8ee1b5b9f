using System.Text.Json.Serialization;

namespace OutboundPS.ByRobot;

/// <summary>company/seat/statistics (docs/vendors/byrobot.md#companyseatstatistics).</summary>
internal sealed class ByRobotSeatStatistics
{
    [JsonPropertyName("companyAllCallSeat")] public int? CompanyAllCallSeat { get; set; }
    [JsonPropertyName("companyUsingCallSeat")] public int? CompanyUsingCallSeat { get; set; }
}

/// <summary>sms/template/list's page (docs/vendors/byrobot.md#smstemplatelist).</summary>
internal sealed class ByRobotSmsTemplatePage
{
    [JsonPropertyName("pageNum")] public int? PageNum { get; set; }
    [JsonPropertyName("pageSize")] public int? PageSize { get; set; }
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("pages")] public int? Pages { get; set; }
    [JsonPropertyName("list")] public ByRobotSmsTemplate[]? List { get; set; }
}

internal sealed class ByRobotSmsTemplate
{
    [JsonPropertyName("smsTemplateId")] public long? SmsTemplateId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("smsTemplateSignId")] public long? SmsTemplateSignId { get; set; }
    [JsonPropertyName("type")] public int? Type { get; set; }
    [JsonPropertyName("content")] public string? Content { get; set; }
    [JsonPropertyName("status")] public int? Status { get; set; }
    [JsonPropertyName("failReason")] public string? FailReason { get; set; }
    [JsonPropertyName("smsTemplateSignName")] public string? SmsTemplateSignName { get; set; }
    [JsonPropertyName("gmtCreate")] public string? GmtCreate { get; set; }
    [JsonPropertyName("gmtModified")] public string? GmtModified { get; set; }
}
