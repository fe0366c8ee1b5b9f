using System;
using System.Text.Json;
using OutboundPS.Json;

namespace OutboundPS.Http;

/// <summary>Reads a vendor's JSON envelope; anything else (an HTML page, a truncated or empty body) is a clear error.</summary>
internal static class EnvelopeReader
{
    /// <summary>
    /// The envelope, when the body is JSON of that shape (<paramref name="isEnvelope"/> checks its code is there);
    /// otherwise an UnreadableAnswer error quoting the HTTP status and the first bytes, never a null reference later.
    /// </summary>
    internal static TEnvelope Read<TEnvelope>(RawResponse raw, OutboundVendor vendor, string operation, Func<TEnvelope, bool> isEnvelope)
        where TEnvelope : class
    {
        TEnvelope? envelope = null;
        try
        {
            if (raw.Body.Length > 0) envelope = JsonSerializer.Deserialize<TEnvelope>(raw.Body, VendorJson.Options);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        return envelope is not null && isEnvelope(envelope)
            ? envelope
            : throw OutboundErrors.UnreadableAnswer(vendor, operation, raw.StatusCode, raw.Preview());
    }
}
