using System.Text.Json;
using OutboundPS.Contract;

namespace OutboundPS.Push;

/// <summary>
/// Reads one push body of any vendor and says what it is. Each vendor's reader (published by its VendorDescriptor)
/// recognises its own shape: a BYRobot callback is always wrapped ({"code":200,"data":{"dataType":…,"data":{…}}},
/// docs/vendors/byrobot.md#callback-delivery); a yeta push is a flat object with call_uuid, alone or inside a line of a
/// push-failure file (docs/vendors/iflytek.md#pushes). Anything else is an OutboundPS.InvalidPush error quoting the body's start.
/// </summary>
internal static class PushConverter
{
    /// <summary>Reads a body as text; <paramref name="module"/> is the vendor's name for the kind of push, when the caller knows it.</summary>
    internal static PushMessage Read(string? body, string? module = null)
    {
        if (string.IsNullOrWhiteSpace(body)) throw PushPreview.NotAPush(body, "the body is empty.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body!.Trim().TrimStart('\uFEFF'));
        }
        catch (JsonException)
        {
            throw PushPreview.NotAPush(body, "the body is not JSON.");
        }

        using (document) return Read(document.RootElement, module, body!);
    }

    /// <summary>Reads a body already parsed (a push-failure line's data, a stored push).</summary>
    internal static PushMessage Read(JsonElement body, string? module = null) => Read(body, module, body.GetRawText());

    private static PushMessage Read(JsonElement root, string? module, string body)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw PushPreview.NotAPush(body, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.");
        foreach (var vendor in VendorCatalog.All)
            if (vendor.PushReader?.TryRead(root, module, body) is { } message)
                return message;
        throw PushPreview.NotAPush(body, "the JSON is neither a BYRobot callback (data.dataType) nor a yeta push (call_uuid).");
    }
}
