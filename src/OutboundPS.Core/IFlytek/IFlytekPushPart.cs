using System.Text.Json;
using OutboundPS.Contract;
using OutboundPS.Json;

namespace OutboundPS.IFlytek;

/// <summary>
/// One yeta push about one call (docs/vendors/iflytek.md#pushes): its record, recording or dialog. yeta sends these
/// separately and in any order, so they are kept as read and merged by call_uuid in IFlytekPushCall.
/// </summary>
internal sealed class IFlytekPushPart : IPushPart
{
    internal IFlytekPushPart(PushKind kind, string callUuid, JsonElement body)
    {
        Kind = kind;
        CallUuid = callUuid;
        Body = body;
    }

    internal PushKind Kind { get; }

    internal string CallUuid { get; }

    public string CallKey => CallUuid;

    /// <summary>One call can push two records, basic and outbound (docs/vendors/iflytek.md#receivecallrecord): two parts, not a redelivery.</summary>
    public string DeliveryKey => Kind + "\n" + CallUuid + (IsOutboundRecord ? "\noutbound" : string.Empty);

    public IPushCall NewCall() => new IFlytekPushCall(CallUuid);

    /// <summary>The push object, detached from the document it was read from.</summary>
    internal JsonElement Body { get; }

    /// <summary>The outbound record is a superset of the basic one, recognised by task_row_index (docs/vendors/iflytek.md#receivecallrecord).</summary>
    internal bool IsOutboundRecord => Kind == PushKind.IFlytekCallRecord && Body.Member("task_row_index") is not null;

    /// <summary>An inbound call has only one record push (direction 1).</summary>
    internal bool IsInboundRecord => Kind == PushKind.IFlytekCallRecord && Body.Int32("direction") == 1;
}
