using System.Collections.Generic;
using System.Text.Json;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>
/// A task/insert or task/callout body, read with a forward-only reader: the sandbox answers every 50-row batch of an
/// import, so it keeps only what it checks and stores (the columns, each row's width and mobile), not a JSON tree.
/// </summary>
internal sealed class YetaRowsRequest
{
    internal string? TaskId { get; private set; }
    internal string? RobotId { get; private set; }
    internal string? LineNum { get; private set; }
    internal List<string>? Columns { get; private set; }

    /// <summary>Per row: its first value (the mobile, when it is a string) and how many values it has.</summary>
    internal List<(string? Phone, int Width)>? Rows { get; private set; }

    /// <summary>Every row's values as text, when asked for (the pushes echo them as task_row_value); null otherwise.</summary>
    internal List<string[]>? Values { get; private set; }

    /// <summary>The body it was read from, so that the values can be read when they are needed.</summary>
    internal System.ReadOnlyMemory<byte> Body { get; private set; }

    /// <summary>The body, or null when it is not a JSON object of the documented shape; <paramref name="keepValues"/> also reads every value.</summary>
    internal static YetaRowsRequest? Read(System.ReadOnlyMemory<byte> body, bool keepValues = false)
    {
        try
        {
            var reader = new Utf8JsonReader(body.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var request = new YetaRowsRequest { Values = keepValues ? new List<string[]>() : null, Body = body };
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "task_id": request.TaskId = Scalar(ref reader); break;
                    case "robot_id": request.RobotId = Scalar(ref reader); break;
                    case "line_num": request.LineNum = Scalar(ref reader); break;
                    case "call_column" when reader.TokenType == JsonTokenType.StartArray:
                        request.Columns = new List<string>();
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) request.Columns.Add(Scalar(ref reader) ?? string.Empty);
                        break;
                    case "call_list" when reader.TokenType == JsonTokenType.StartArray:
                        request.Rows = ReadRows(ref reader, request.Values);
                        if (request.Rows is null) return null;
                        break;
                    default: reader.Skip(); break;
                }
            }

            return request;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<(string?, int)>? ReadRows(ref Utf8JsonReader reader, List<string[]>? values)
    {
        var rows = new List<(string?, int)>(50);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray) return null;
            string? phone = null;
            var width = 0;
            var row = values is null ? null : new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (row is not null) row.Add(Scalar(ref reader) ?? string.Empty);
                if (width++ == 0 && reader.TokenType == JsonTokenType.String) phone = reader.GetString();
                else if (row is null) reader.Skip();
            }

            rows.Add((phone, width));
            values?.Add(row!.ToArray());
        }

        return rows;
    }

    private static string? Scalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number: return System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
            case JsonTokenType.StartArray or JsonTokenType.StartObject: reader.Skip(); return null;
            default: return null;
        }
    }
}
