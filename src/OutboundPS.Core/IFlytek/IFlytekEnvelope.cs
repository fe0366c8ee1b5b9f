using System.Text.Json.Serialization;

namespace OutboundPS.IFlytek;

/// <summary>yeta's answer to every call: {code, message, result}; code 0 is success (docs/vendors/iflytek.md#envelope).</summary>
internal sealed class IFlytekEnvelope<T>
{
    [JsonPropertyName("code")] public int? Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("result")] public T? Result { get; set; }
}

/// <summary>The empty result of control calls (start, pause, delete).</summary>
internal sealed class IFlytekNoResult
{
}
