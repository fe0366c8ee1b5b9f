namespace OutboundPS.Contract;

/// <summary>One push body, read: either an object complete in itself, or one part of a call still to be merged.</summary>
internal sealed class PushMessage
{
    private PushMessage(OutboundVendor vendor, PushKind kind, object? output, IPushPart? part)
    {
        Vendor = vendor;
        Kind = kind;
        Output = output;
        Part = part;
    }

    internal static PushMessage Complete(OutboundVendor vendor, PushKind kind, object output) => new(vendor, kind, output, null);

    internal static PushMessage Partial(OutboundVendor vendor, PushKind kind, IPushPart part) => new(vendor, kind, null, part);

    internal OutboundVendor Vendor { get; }

    internal PushKind Kind { get; }

    /// <summary>An OutboundCallRecord or OutboundTask that can be written at once (BYRobot sends each call in one callback).</summary>
    internal object? Output { get; }

    /// <summary>A part of a call that the vendor sends in several pushes (yeta), merged with the others by its call key.</summary>
    internal IPushPart? Part { get; }
}
