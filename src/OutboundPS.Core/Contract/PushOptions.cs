using System;

namespace OutboundPS.Contract;

/// <summary>What the user can set about reading pushes.</summary>
internal sealed class PushOptions
{
    /// <summary>Base of recording addresses a vendor sends relative (yeta); the vendor's documented base when null.</summary>
    internal Uri? RecordingBaseUri { get; set; }
}
