using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutboundPS.Json;

/// <summary>
/// Reads a string array the vendor sends either as a JSON array or as JSON text inside a string
/// (yeta task/query time_range is "[\"09:00:00-12:00:00\"]", docs/vendors/iflytek.md#quirk-json-in-strings).
/// </summary>
internal sealed class JsonArrayTextConverter : JsonConverter<string[]>
{
    public override string[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                return ReadArray(ref reader);
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return Array.Empty<string>();
                if (!text!.TrimStart().StartsWith("[", StringComparison.Ordinal)) return new[] { text };
                var inner = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
                inner.Read();
                return ReadArray(ref inner);
            default:
                throw new JsonException($"Expected an array or JSON text, found {reader.TokenType}.");
        }
    }

    private static string[] ReadArray(ref Utf8JsonReader reader)
    {
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            items.Add(reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : reader.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return items.ToArray();
    }

    public override void Write(Utf8JsonWriter writer, string[] value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value);
}
