using System.Text.Json.Serialization;
using OutboundPS.Http;

namespace OutboundPS.ByRobot;

/// <summary>
/// BYRobot's ResultModel: {code, data, resultMsg}; code 200 is success (docs/vendors/byrobot.md#envelope). The SMS
/// template list alone says msg where the others say resultMsg (docs/vendors/byrobot.md#quirk-sms-envelope).
/// </summary>
internal sealed class ByRobotEnvelope<T>
{
    [JsonPropertyName("code")] public int? Code { get; set; }
    [JsonPropertyName("data")] public T? Data { get; set; }
    [JsonPropertyName("resultMsg")] public string? ResultMsg { get; set; }
    [JsonPropertyName("msg")] public string? Msg { get; set; }
}

/// <summary>Reads the envelope; anything else becomes a clear error quoting the HTTP status and first bytes.</summary>
internal static class ByRobotEnvelopeReader
{
    internal const int Success = 200;

    internal static ByRobotEnvelope<T> Parse<T>(RawResponse raw, string operation)
    {
        var envelope = EnvelopeReader.Read<ByRobotEnvelope<T>>(raw, ByRobotVendor.Id, operation, answer => answer.Code is not null);
        return envelope.Code == Success ? envelope : throw ByRobotErrorTable.ToException(envelope.Code!.Value, envelope.ResultMsg ?? envelope.Msg, operation);
    }
}
