using System.Text.Json.Serialization;

namespace OutboundPS.IFlytek;

internal sealed class IFlytekTokenRequest
{
    [JsonPropertyName("app_key")] public string AppKey { get; set; } = string.Empty;
    [JsonPropertyName("app_secret")] public string AppSecret { get; set; } = string.Empty;
}

internal sealed class IFlytekTokenResult
{
    [JsonPropertyName("token")] public string? Token { get; set; }

    /// <summary>Lifetime in seconds (default 3600).</summary>
    [JsonPropertyName("time_expire")] public long? TimeExpire { get; set; }
}
