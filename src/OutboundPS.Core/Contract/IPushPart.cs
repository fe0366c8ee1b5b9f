namespace OutboundPS.Contract;

/// <summary>One of several pushes about the same call (yeta sends a call's record, recording and dialog separately).</summary>
internal interface IPushPart
{
    /// <summary>What the parts of one call share (yeta call_uuid).</summary>
    string CallKey { get; }

    /// <summary>What a redelivery of this very part shares with it, and no other part of the call does (yeta: the module, the call_uuid, basic or outbound record).</summary>
    string DeliveryKey { get; }

    /// <summary>An empty call of this vendor, to add this part and the others to.</summary>
    IPushCall NewCall();
}
