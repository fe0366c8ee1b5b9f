using System.Text.Json;
using OutboundPS.ByRobot;
using OutboundPS.IFlytek;
using OutboundPS.Json;

namespace OutboundPS.Push;

/// <summary>
/// Reads one push body of either vendor and says what it is, telling the vendor from the body's shape: a BYRobot
/// callback is always wrapped ({"code":200,"data":{"dataType":…,"data":{…}}}, docs/vendors/byrobot.md#callback-delivery);
/// a yeta push is a flat object with call_uuid (docs/vendors/iflytek.md#pushes), or such an object inside a line of a
/// yeta push-failure file. Anything else is an OutboundPS.InvalidPush error quoting the body's start.
/// </summary>
internal static class PushConverter
{
    /// <summary>Reads a body as text; <paramref name="module"/> is yeta's module name when the caller knows it.</summary>
    internal static PushMessage Read(string? body, string? module = null)
    {
        if (string.IsNullOrWhiteSpace(body)) throw OutboundErrors.InvalidPush(body, "the body is empty.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body!.Trim().TrimStart('\uFEFF'));
        }
        catch (JsonException)
        {
            throw OutboundErrors.InvalidPush(body, "the body is not JSON.");
        }

        using (document) return Read(document.RootElement, module, body);
    }

    /// <summary>Reads a body already parsed (a push-failure line's data, a stored push).</summary>
    internal static PushMessage Read(JsonElement body, string? module = null) => Read(body, module, null);

    private static PushMessage Read(JsonElement root, string? module, string? text)
    {
        var body = text ?? root.GetRawText();
        if (root.ValueKind != JsonValueKind.Object) throw OutboundErrors.InvalidPush(body, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.");
        if (ByRobotPushReader.DataType(root) is not null) return ByRobotPushReader.Read(root, body);
        if (IFlytekPushReader.IsPush(root)) return IFlytekPushReader.Read(root, module, body);
        if (IFlytekPushReader.IsFailedPushLine(root))
            return IFlytekPushReader.Read(root.Object("data")!.Value, module ?? root.Text("module"), body);
        if (root.Member("dataType") is not null)
            throw OutboundErrors.InvalidPush(body,
                "it looks like the inner part of a BYRobot callback, without the {\"code\":200,\"data\":…} wrapper BYRobot always sends.");
        throw OutboundErrors.InvalidPush(body, "the JSON is neither a BYRobot callback (data.dataType) nor a yeta push (call_uuid).");
    }
}
