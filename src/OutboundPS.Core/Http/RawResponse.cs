namespace OutboundPS.Http;

/// <summary>What came back over the wire, before the vendor's envelope is read.</summary>
internal readonly struct RawResponse
{
    internal RawResponse(int statusCode, byte[] body)
    {
        StatusCode = statusCode;
        Body = body;
    }

    internal int StatusCode { get; }
    internal byte[] Body { get; }

    /// <summary>The first bytes of the body as text, secrets redacted, for error messages about unreadable answers.</summary>
    internal string Preview()
    {
        if (Body.Length == 0) return "(empty body)";
        var text = System.Text.Encoding.UTF8.GetString(Body, 0, System.Math.Min(Body.Length, 200));
        return SecretFields.RedactJson(text.Replace("\r", " ").Replace("\n", " "));
    }
}
