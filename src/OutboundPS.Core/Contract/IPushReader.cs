using System.Text.Json;

namespace OutboundPS.Contract;

/// <summary>A vendor's reader of the pushes it sends; its VendorDescriptor publishes it, so Push/ never names a vendor.</summary>
internal interface IPushReader
{
    /// <summary>
    /// The push, when <paramref name="root"/> (a JSON object) has this vendor's shape; null when it is another vendor's.
    /// Throws OutboundPS.InvalidPush when it has this vendor's shape but is no push the vendor documents.
    /// </summary>
    /// <param name="root">The body.</param>
    /// <param name="module">The vendor's name for the kind of push, when the caller knows it (a yeta push-failure line has it).</param>
    /// <param name="body">The body's text, for error messages.</param>
    PushMessage? TryRead(JsonElement root, string? module, string body);
}
