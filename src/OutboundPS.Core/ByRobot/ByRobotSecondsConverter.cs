using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutboundPS.Json;

namespace OutboundPS.ByRobot;

/// <summary>A duration BYRobot sends as 27, "27" or, in old pages, "27秒" (B-20): read as whole seconds.</summary>
internal sealed class ByRobotSecondsConverter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var whole) ? whole : (int)Math.Round(reader.GetDouble());
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                return JsonFields.WholeNumber(text) is { } seconds and >= int.MinValue and <= int.MaxValue
                    ? (int)seconds
                    : throw new JsonException($"'{text}' is not a number of seconds.");
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"Expected seconds as a number or text, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } seconds) writer.WriteNumberValue(seconds);
        else writer.WriteNullValue();
    }
}
