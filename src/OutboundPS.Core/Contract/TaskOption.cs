namespace OutboundPS.Contract;

/// <summary>Optional New-OutboundTask parameters a vendor may refuse; named as the cmdlet names them.</summary>
internal enum TaskOption
{
    EndTime,
    Concurrency,
    Voice,
    Manual,
    SceneId,
    SceneRecordId,
    CallType,
    SendSms,
    Remark,
}

/// <summary>Optional Invoke-OutboundCall parameters a vendor may refuse; named as the cmdlet names them.</summary>
internal enum CallOption
{
    Line,
    Voice,
    CustomerId,
    SceneId,
    SceneRecordId,
}
