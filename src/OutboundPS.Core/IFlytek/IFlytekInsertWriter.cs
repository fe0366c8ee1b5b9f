using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutboundPS.Contract;

namespace OutboundPS.IFlytek;

/// <summary>A task/insert request: the rows of one batch, laid out by the robot's column plan.</summary>
[JsonConverter(typeof(IFlytekInsertWriter))]
internal sealed class IFlytekInsert
{
    internal IFlytekInsert(string taskId, IFlytekColumnPlan plan, IReadOnlyList<CustomerRow> rows)
    {
        TaskId = taskId;
        Plan = plan;
        Rows = rows;
    }

    internal string TaskId { get; }
    internal IFlytekColumnPlan Plan { get; }
    internal IReadOnlyList<CustomerRow> Rows { get; }
}

/// <summary>
/// Writes task/insert straight from the validated rows, with no string[] per row in between: an import sends one of
/// these every 50 rows, so this is the hot path of the largest imports.
/// </summary>
internal sealed class IFlytekInsertWriter : JsonConverter<IFlytekInsert>
{
    private static readonly JsonEncodedText TaskId = JsonEncodedText.Encode("task_id");
    private static readonly JsonEncodedText CallColumn = JsonEncodedText.Encode("call_column");
    private static readonly JsonEncodedText CallList = JsonEncodedText.Encode("call_list");

    public override IFlytekInsert Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Insert requests are only written.");

    public override void Write(Utf8JsonWriter writer, IFlytekInsert value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(TaskId, value.TaskId);
        writer.WriteStartArray(CallColumn);
        foreach (var column in value.Plan.CallColumn) writer.WriteStringValue(column);
        writer.WriteEndArray();
        writer.WriteStartArray(CallList);
        foreach (var row in value.Rows) value.Plan.WriteRow(writer, row);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
