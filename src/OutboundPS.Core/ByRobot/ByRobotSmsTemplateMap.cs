using System.Globalization;

namespace OutboundPS.ByRobot;

/// <summary>SMS template codes (docs/vendors/byrobot.md#smstemplatelist): type 1–4, status 1 under review, 2 approved, 3 rejected.</summary>
internal static class ByRobotSmsTemplateMap
{
    internal static OutboundSmsTemplate ToTemplate(ByRobotSmsTemplate item) =>
        new(ByRobotVendor.Id, ByRobotTaskMapper.Id(item.SmsTemplateId))
        {
            Name = item.Name,
            Type = item.Type switch
            {
                1 => SmsTemplateType.Notice,
                2 => SmsTemplateType.Marketing,
                3 => SmsTemplateType.VerificationCode,
                4 => SmsTemplateType.Finance,
                _ => SmsTemplateType.Unknown,
            },
            Content = item.Content,
            Status = ToStatus(item.Status),
            VendorStatus = item.Status,
            FailReason = string.IsNullOrEmpty(item.FailReason) ? null : item.FailReason,
            SignId = item.SmsTemplateSignId?.ToString(CultureInfo.InvariantCulture),
            SignName = item.SmsTemplateSignName,
            Created = ByRobotSchedule.DateTime(item.GmtCreate),
            Modified = ByRobotSchedule.DateTime(item.GmtModified),
        };

    internal static SmsTemplateStatus ToStatus(int? code) => code switch
    {
        1 => SmsTemplateStatus.UnderReview,
        2 => SmsTemplateStatus.Approved,
        3 => SmsTemplateStatus.Rejected,
        _ => SmsTemplateStatus.Unknown,
    };

    /// <summary>The code sms/template/list filters by; none for Unknown.</summary>
    internal static int? ToCode(SmsTemplateStatus status) => status switch
    {
        SmsTemplateStatus.UnderReview => 1,
        SmsTemplateStatus.Approved => 2,
        SmsTemplateStatus.Rejected => 3,
        _ => null,
    };
}
