using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutboundPS.ByRobot;

/// <summary>
/// Writes an import request without building a DTO and a properties dictionary per customer:
/// imports are the hot path (docs/design.md#performance), and this keeps a 500-customer batch to a single pass.
/// </summary>
internal sealed class ByRobotImportWriter : JsonConverter<ByRobotImport>
{
    private static readonly JsonEncodedText CompanyId = JsonEncodedText.Encode("companyId");
    private static readonly JsonEncodedText TaskId = JsonEncodedText.Encode("taskId");
    private static readonly JsonEncodedText CustomerInfoList = JsonEncodedText.Encode("customerInfoList");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Phone = JsonEncodedText.Encode("phone");
    private static readonly JsonEncodedText Properties = JsonEncodedText.Encode("properties");

    public override ByRobotImport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Import requests are only written.");

    public override void Write(Utf8JsonWriter writer, ByRobotImport value, JsonSerializerOptions options)
    {
        var names = value.Variables.Select(v => JsonEncodedText.Encode(v, options.Encoder)).ToArray();
        writer.WriteStartObject();
        writer.WriteNumber(CompanyId, value.CompanyId);
        writer.WriteNumber(TaskId, value.TaskId);
        writer.WriteStartArray(CustomerInfoList);
        foreach (var row in value.Rows)
        {
            writer.WriteStartObject();
            writer.WriteString(Name, row.Name ?? string.Empty);
            writer.WriteString(Phone, row.Phone);
            // properties is optional (docs/vendors/byrobot.md#customer-fields): a customer with no variables sends none.
            if (names.Length > 0)
            {
                writer.WriteStartObject(Properties);
                for (var i = 0; i < names.Length; i++) writer.WriteString(names[i], row.Values[i]);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
