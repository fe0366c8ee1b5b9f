using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace OutboundPS.Sandbox;

/// <summary>JSON in and out of the simulators, independent of the client's own JSON code.</summary>
internal static class JsonAnswer
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    internal static SimulatedResponse Ok(JsonNode envelope, int status = 200) =>
        new(status, Encoding.UTF8.GetBytes(envelope.ToJsonString(Options)));

    /// <summary>JSON text as the vendors write it (Chinese kept as is): push bodies and JSON carried inside strings.</summary>
    internal static string Text(JsonNode node) => node.ToJsonString(Options);

    // One writer and buffer per thread, reused: these answers go out once per import batch, and a writer growing a
    // fresh buffer for each of them was most of what the in-process sandbox allocated in the client's heap.
    [System.ThreadStatic] private static (System.IO.MemoryStream Buffer, Utf8JsonWriter Writer)? t_answer;

    /// <summary>An answer written straight to UTF-8, for answers sent once per import batch.</summary>
    internal static SimulatedResponse Write(System.Action<Utf8JsonWriter> write)
    {
        var (buffer, writer) = t_answer ??= NewAnswerWriter();
        buffer.SetLength(0);
        writer.Reset(buffer);
        write(writer);
        writer.Flush();
        return new SimulatedResponse(200, buffer.ToArray());
    }

    private static (System.IO.MemoryStream, Utf8JsonWriter) NewAnswerWriter()
    {
        var buffer = new System.IO.MemoryStream(4096);
        return (buffer, new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder }));
    }

    /// <summary>The request body as JSON, or null when it is empty or not JSON.</summary>
    internal static JsonNode? ReadNode(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The request body as a JSON object, or null when it is not one.</summary>
    internal static JsonObject? ReadObject(byte[] body) => ReadNode(body) as JsonObject;

    internal static string? Text(this JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static long? Number(this JsonObject body, string name)
    {
        if (body[name] is not JsonValue value) return null;
        if (value.TryGetValue<long>(out var number)) return number;
        if (value.TryGetValue<double>(out var real) && real == System.Math.Floor(real)) return (long)real;
        return null;
    }
}
