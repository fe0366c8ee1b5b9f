using OutboundPS.IFlytek;

namespace OutboundPS.Push;

/// <summary>One push body, read: either an object complete in itself, or a part of a yeta call still to be merged.</summary>
internal sealed class PushMessage
{
    private PushMessage(OutboundVendor vendor, PushKind kind, object? output, IFlytekPushPart? part)
    {
        Vendor = vendor;
        Kind = kind;
        Output = output;
        Part = part;
    }

    internal static PushMessage Complete(OutboundVendor vendor, PushKind kind, object output) => new(vendor, kind, output, null);

    internal static PushMessage Partial(IFlytekPushPart part) => new(IFlytek.IFlytekVendor.Id, part.Kind, null, part);

    internal OutboundVendor Vendor { get; }

    internal PushKind Kind { get; }

    /// <summary>An OutboundCallRecord or OutboundTask that can be written at once (BYRobot sends each call in one callback).</summary>
    internal object? Output { get; }

    /// <summary>A part of a yeta call (record, recording or dialog) that PushBatch merges with the others by call_uuid.</summary>
    internal IFlytekPushPart? Part { get; }
}
