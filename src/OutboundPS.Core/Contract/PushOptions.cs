using System;

namespace OutboundPS.Contract;

/// <summary>What the user can set about reading pushes.</summary>
internal sealed class PushOptions
{
    /// <summary>Base of recording addresses a vendor sends relative (yeta); the vendor's documented base when null.</summary>
    internal Uri? RecordingBaseUri { get; set; }

    /// <summary>The -RecordingBaseUri a user gave, refused unless absolute: relative paths are resolved against it.</summary>
    internal static Uri? CheckRecordingBase(Uri? given) =>
        given is { IsAbsoluteUri: false }
            ? throw OutboundErrors.InvalidArgument("RecordingBaseUri", given, "is not an absolute address.", "Give one such as http://voice.example.com:9000/.")
            : given;
}
