using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace OutboundPS.Json;

/// <summary>The JSON settings both vendor clients share: tolerant on read, explicit names on write.</summary>
internal static class VendorJson
{
    internal static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            // Both vendors send some numbers as strings (docs/vendors/byrobot.md#ids-numbers-and-times, docs/vendors/iflytek.md#ids-numbers-and-times).
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese column names and values go out as UTF-8 text rather than \u escapes.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            PropertyNameCaseInsensitive = false,
        };
        return options;
    }
}
