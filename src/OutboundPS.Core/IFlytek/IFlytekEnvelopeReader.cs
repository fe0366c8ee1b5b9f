using OutboundPS.Http;

namespace OutboundPS.IFlytek;

/// <summary>Reads {code, message, result}; anything else becomes a clear error quoting the HTTP status and first bytes.</summary>
internal static class IFlytekEnvelopeReader
{
    internal static IFlytekEnvelope<T> Parse<T>(RawResponse raw, string operation) =>
        EnvelopeReader.Read<IFlytekEnvelope<T>>(raw, IFlytekVendor.Id, operation, envelope => envelope.Code is not null);

    /// <summary>The result of a successful answer; a vendor error code becomes an OutboundException.</summary>
    internal static T Read<T>(RawResponse raw, string operation) => Unwrap(Parse<T>(raw, operation), raw, operation);

    internal static T Unwrap<T>(IFlytekEnvelope<T> envelope, RawResponse raw, string operation)
    {
        if (envelope.Code != 0)
            throw IFlytekErrorTable.ToException(envelope.Code!.Value, envelope.Message, operation);
        return envelope.Result
            ?? throw OutboundErrors.UnreadableAnswer(IFlytekVendor.Id, operation, raw.StatusCode, raw.Preview());
    }
}
