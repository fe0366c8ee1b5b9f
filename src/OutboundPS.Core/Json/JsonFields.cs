using System;
using System.Globalization;
using System.Text.Json;

namespace OutboundPS.Json;

/// <summary>
/// Tolerant reads of a push's members. Pushes are read field by field rather than bound to classes, so that one field
/// of an unexpected type (numbers as strings, 0/1 for booleans, "27秒" durations, JSON inside strings:
/// docs/vendors/byrobot.md#quirk-field-types, docs/vendors/iflytek.md#quirk-json-in-strings) costs that field, not the push.
/// </summary>
internal static class JsonFields
{
    /// <summary>The member, when the element is an object that has it and it is not null.</summary>
    internal static JsonElement? Member(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A string, or the text of a number or boolean; null when absent, empty or structured.</summary>
    internal static string? Text(this JsonElement element, string name) => element.Member(name) is { } value ? AsText(value) : null;

    internal static string? AsText(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>A whole number sent as a number or a string, a trailing 秒 (seconds) allowed; null when it is not one.</summary>
    internal static long? Int64(this JsonElement element, string name)
    {
        if (element.Member(name) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number)
            return value.TryGetInt64(out var whole) ? whole : value.TryGetDouble(out var real) ? (long)Math.Round(real) : null;
        if (value.ValueKind == JsonValueKind.True) return 1;
        if (value.ValueKind == JsonValueKind.False) return 0;
        return WholeNumber(AsText(value));
    }

    /// <summary>A whole number written as text, a trailing 秒 (seconds) allowed ("27", "27秒"); null when it is not one.</summary>
    internal static long? WholeNumber(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text!.EndsWith("秒", StringComparison.Ordinal)) text = text.Substring(0, text.Length - 1).Trim();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>As <see cref="Int64"/>, null when it does not fit an int.</summary>
    internal static int? Int32(this JsonElement element, string name) =>
        element.Int64(name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>A boolean sent as true/false, 0/1 or their text.</summary>
    internal static bool? Bool(this JsonElement element, string name)
    {
        if (element.Member(name) is not { } value) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => AsText(value)?.Trim().ToLowerInvariant() switch
            {
                "1" or "true" => true,
                "0" or "false" => false,
                _ => null,
            },
        };
    }

    /// <summary>An object, or an object serialized into a string; null when absent or not readable as one.</summary>
    internal static JsonElement? Object(this JsonElement element, string name) => Structured(element.Member(name), JsonValueKind.Object);

    /// <summary>An array, or an array serialized into a string; null when absent or not readable as one.</summary>
    internal static JsonElement? Array(this JsonElement element, string name) => Structured(element.Member(name), JsonValueKind.Array);

    private static JsonElement? Structured(JsonElement? value, JsonValueKind kind)
    {
        if (value is not { } found) return null;
        if (found.ValueKind == kind) return found;
        if (found.ValueKind != JsonValueKind.String) return null;
        var text = found.GetString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text!);
            return document.RootElement.ValueKind == kind ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            // Documented examples abbreviate such strings ("{…}"): the field is unreadable, the push is not.
            return null;
        }
    }
}
