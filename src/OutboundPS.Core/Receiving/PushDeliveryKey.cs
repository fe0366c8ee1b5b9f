using OutboundPS.Contract;

namespace OutboundPS.Receiving;

/// <summary>
/// What every delivery of the same push shares, so that a vendor's retry is recognised (both vendors retry a push
/// whose answer they did not get: docs/vendors/byrobot.md#callback-delivery, docs/vendors/iflytek.md#push-delivery).
/// </summary>
internal static class PushDeliveryKey
{
    internal static string Of(PushMessage message)
    {
        var what = message switch
        {
            { Part: { } part } => part.DeliveryKey,
            // A changed intent level is a new push about the same call: the level is part of what it is.
            { Output: OutboundCallRecord record } => record.CallId + "\n" + record.Intent + "\n" + record.IntentLabel,
            // A task pushes each change of status once.
            { Output: OutboundTask task } => task.Id + "\n" + task.VendorStatus,
            _ => string.Empty,
        };
        return message.Vendor.Key + "\n" + message.Kind + "\n" + what;
    }
}
