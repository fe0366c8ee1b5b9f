using System;

namespace OutboundPS.Receiving;

/// <summary>What Receive-OutboundPush was asked to do.</summary>
internal sealed class PushReceiverOptions
{
    /// <summary>yeta waits 3 s for an answer (docs/vendors/iflytek.md#push-delivery); answering within 2 s leaves room for the network.</summary>
    internal static readonly TimeSpan DefaultStoreDeadline = TimeSpan.FromSeconds(2);

    /// <summary>yeta sends a call's record, recording and dialog together after the call; a part still missing after this is not coming soon.</summary>
    internal static readonly TimeSpan DefaultPartWait = TimeSpan.FromSeconds(5);

    /// <summary>See <see cref="RequestTimeout"/>.</summary>
    internal static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    internal PushReceiverOptions(string prefix) => Prefix = prefix;

    /// <summary>Where to listen, in HttpListener's prefix form (<see cref="ListenPrefix"/>): http://+:8080/&lt;token&gt;/ or http://127.0.0.1:8080/push/.</summary>
    internal string Prefix { get; }

    /// <summary>The JSON-lines file pushes are appended to before they are acknowledged; none when null.</summary>
    internal string? Path { get; set; }

    /// <summary>Base of yeta's relative recording paths.</summary>
    internal Uri? RecordingBaseUri { get; set; }

    /// <summary>Stop after writing this many objects; no limit when null.</summary>
    internal int? Count { get; set; }

    /// <summary>Stop after this long, writing the yeta calls still waiting for parts; no limit when null.</summary>
    internal TimeSpan? Timeout { get; set; }

    /// <summary>The longest a request waits for its push to be stored before answering 503, so the vendor tries again.</summary>
    internal TimeSpan StoreDeadline { get; set; } = DefaultStoreDeadline;

    /// <summary>How long the parts of a yeta call are held, from the first, for the others to come.</summary>
    internal TimeSpan PartWait { get; set; } = DefaultPartWait;

    /// <summary>Bodies larger than this are refused with 413 (documented pushes are a few kilobytes; a long dialog some tens).</summary>
    internal int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The peers admitted (-AllowedAddress); null when none were given: then only this machine (loopback) is admitted,
    /// and listening where other machines can connect warns once.
    /// </summary>
    internal AllowedPeers? AllowedPeers { get; set; }

    /// <summary>
    /// A connection must deliver a complete request within this long of opening (or of the previous answer, on a kept-alive
    /// connection), or it is closed: vendors send a push of a few kilobytes at once, so 10 s is far more than they need and
    /// short enough that idle or slow clients hold nothing for long.
    /// </summary>
    internal TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

    /// <summary>Push keys remembered to recognise redeliveries.</summary>
    internal int RememberedPushes { get; set; } = PushDeliveries.DefaultCapacity;

    /// <summary>Test hook: wraps the file store (to slow it down or make it fail).</summary>
    internal Func<IPushStore, IPushStore>? WrapStore { get; set; }

    /// <summary>Test hook: true drops the connection instead of sending the reply (after the push was handled).</summary>
    internal Func<PushReply, bool>? DropReply { get; set; }
}
