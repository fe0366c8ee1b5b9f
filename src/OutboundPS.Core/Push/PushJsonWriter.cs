using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using OutboundPS.Json;

namespace OutboundPS.Push;

/// <summary>
/// Writes a push that a host already parsed back as JSON text, so that it is read like the body that was posted.
/// An HTTP trigger (an Azure Functions PowerShell trigger, for one) hands a JSON body over as dictionaries, lists and
/// scalars; the cmdlet unwraps its PowerShell objects into exactly those, and this writes them.
/// </summary>
internal static class PushJsonWriter
{
    /// <summary>Deeper than any push (BYRobot's is the deepest, at five levels), and a stop for graphs that refer to themselves.</summary>
    internal const int MaxDepth = 32;

    internal static string Write(object? graph)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = VendorJson.Options.Encoder }))
            WriteValue(writer, graph, 0);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
            throw PushPreview.NotAPush(null, $"the object is nested deeper than {MaxDepth} levels (does it refer to itself?).");
        switch (value)
        {
            case null or DBNull:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case char character:
                writer.WriteStringValue(character.ToString());
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong whole:
                writer.WriteNumberValue(whole);
                break;
            case decimal exact:
                writer.WriteNumberValue(exact);
                break;
            case float or double:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(real) || double.IsInfinity(real)) writer.WriteNullValue();
                else writer.WriteNumberValue(real);
                break;
            case DateTime time:
                writer.WriteStringValue(time.ToString("o", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset moment:
                writer.WriteStringValue(moment.ToString("o", CultureInfo.InvariantCulture));
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item, depth + 1);
                writer.WriteEndArray();
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
