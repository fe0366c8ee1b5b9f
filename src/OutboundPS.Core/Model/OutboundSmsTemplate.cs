using System;

namespace OutboundPS;

/// <summary>An SMS template of the account, with its signature and review status.</summary>
public sealed class OutboundSmsTemplate
{
    internal OutboundSmsTemplate(OutboundVendor vendor, string id)
    {
        Vendor = vendor;
        Id = id;
    }

    /// <summary>The platform the template belongs to.</summary>
    public OutboundVendor Vendor { get; }

    /// <summary>The template id (BYRobot smsTemplateId).</summary>
    public string Id { get; }

    /// <summary>The template's name.</summary>
    public string? Name { get; internal set; }

    /// <summary>What the template is for.</summary>
    public SmsTemplateType Type { get; internal set; }

    /// <summary>The text sent.</summary>
    public string? Content { get; internal set; }

    /// <summary>Where the template stands in review.</summary>
    public SmsTemplateStatus Status { get; internal set; }

    /// <summary>The vendor's status code as it sent it.</summary>
    public int? VendorStatus { get; internal set; }

    /// <summary>The reviewer's note, for a rejected template.</summary>
    public string? FailReason { get; internal set; }

    /// <summary>The signature's id.</summary>
    public string? SignId { get; internal set; }

    /// <summary>The signature's name, shown in 【】 before the text.</summary>
    public string? SignName { get; internal set; }

    /// <summary>When the template was created, in China time.</summary>
    public DateTimeOffset? Created { get; internal set; }

    /// <summary>When the template was last changed, in China time.</summary>
    public DateTimeOffset? Modified { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Name ?? Id;
}
