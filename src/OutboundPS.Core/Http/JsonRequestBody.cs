using System.Text.Json;
using OutboundPS.Json;
using RestSharp;

namespace OutboundPS.Http;

/// <summary>Request bodies as UTF-8 JSON, serialized once by System.Text.Json and sent by RestSharp as they are.</summary>
internal static class JsonRequestBody
{
    /// <summary>
    /// Adds the body without RestSharp's string round trip: an import batch of thousands of customers would
    /// otherwise be built as a UTF-16 string and re-encoded, doubling the cost of the hot path (docs/design.md#performance).
    /// </summary>
    internal static RestRequest AddUtf8Json(this RestRequest request, byte[] body) => request.AddBody(body, ContentType.Json);

    /// <summary>Serializes once; a retried request sends the same bytes.</summary>
    internal static byte[] Serialize(object body) => JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), VendorJson.Options);
}
