namespace OutboundPS.Receiving;

/// <summary>The answer a receiver is about to give one request, shown to a test hook before it is sent.</summary>
internal sealed class PushReply
{
    internal PushReply(string? deliveryKey, int status, bool firstDelivery)
    {
        DeliveryKey = deliveryKey;
        Status = status;
        FirstDelivery = firstDelivery;
    }

    /// <summary>The push's <see cref="PushDeliveryKey"/>; null when the request was no push.</summary>
    internal string? DeliveryKey { get; }

    /// <summary>The HTTP status about to be sent.</summary>
    internal int Status { get; }

    /// <summary>This request started storing the push; false for a redelivery.</summary>
    internal bool FirstDelivery { get; }
}
