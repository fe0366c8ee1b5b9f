namespace OutboundPS;

/// <summary>What an SMS template is for.</summary>
public enum SmsTemplateType
{
    /// <summary>A code OutboundPS does not know.</summary>
    Unknown,
    /// <summary>A notice.</summary>
    Notice,
    /// <summary>Marketing.</summary>
    Marketing,
    /// <summary>A verification code.</summary>
    VerificationCode,
    /// <summary>Finance.</summary>
    Finance,
}
