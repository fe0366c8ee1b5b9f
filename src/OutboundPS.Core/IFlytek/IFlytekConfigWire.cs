using System.Text.Json.Serialization;
using OutboundPS.Json;

namespace OutboundPS.IFlytek;

/// <summary>config/v1/query; note the camelCase paging names of this endpoint (docs/vendors/iflytek.md#quirk-config-paging-names).</summary>
internal sealed class IFlytekConfigQuery
{
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("pageSize")] public int? PageSize { get; set; }
    [JsonPropertyName("pageIndex")] public int? PageIndex { get; set; }
}

internal sealed class IFlytekConfigResult
{
    [JsonPropertyName("lines")] public IFlytekLine[]? Lines { get; set; }
    [JsonPropertyName("robots")] public IFlytekRobot[]? Robots { get; set; }
    [JsonPropertyName("robotTotal")] public long? RobotTotal { get; set; }
    [JsonPropertyName("voices")] public IFlytekConfigVoice[]? Voices { get; set; }
}

internal sealed class IFlytekConfigVoice
{
    // Documented as strings; read numbers too, as voice_code is an Integer in iFlytek's own SDK (docs/vendors/iflytek.md#quirk-voice-code-type).
    [JsonPropertyName("voice_code"), JsonConverter(typeof(FlexibleStringConverter))] public string? VoiceCode { get; set; }
    [JsonPropertyName("voice_name")] public string? VoiceName { get; set; }
}

internal sealed class IFlytekLine
{
    [JsonPropertyName("line_num"), JsonConverter(typeof(FlexibleStringConverter))] public string? LineNum { get; set; }
    [JsonPropertyName("concurrents")] public int? Concurrents { get; set; }
    [JsonPropertyName("time_work"), JsonConverter(typeof(JsonArrayTextConverter))] public string[]? TimeWork { get; set; }
    [JsonPropertyName("status")] public int? Status { get; set; }
    [JsonPropertyName("time_expire")] public long? TimeExpire { get; set; }
    [JsonPropertyName("time_apply")] public long? TimeApply { get; set; }
    [JsonPropertyName("expired")] public int? Expired { get; set; }
    [JsonPropertyName("real_expiration_time")] public long? RealExpirationTime { get; set; }
}

internal sealed class IFlytekRobot
{
    [JsonPropertyName("robot_id"), JsonConverter(typeof(FlexibleStringConverter))] public string? RobotId { get; set; }
    [JsonPropertyName("robot_name")] public string? RobotName { get; set; }
    [JsonPropertyName("call_column"), JsonConverter(typeof(JsonArrayTextConverter))] public string[]? CallColumn { get; set; }
    [JsonPropertyName("status")] public int? Status { get; set; }
    [JsonPropertyName("type")] public int? Type { get; set; }
    [JsonPropertyName("deleted")] public int? Deleted { get; set; }
}
