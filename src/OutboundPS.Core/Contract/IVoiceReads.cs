using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Contract;

/// <summary>A client that can list the TTS voices a task or call may name (-Voice); a vendor without voices lacks it.</summary>
internal interface IVoiceReads
{
    Task<IReadOnlyList<VendorVoice>> GetVoicesAsync(CancellationToken cancellationToken);
}

/// <summary>A TTS voice: the code a task or call takes, and its display name.</summary>
internal sealed class VendorVoice
{
    internal VendorVoice(string code, string? name)
    {
        Code = code;
        Name = name;
    }

    internal string Code { get; }
    internal string? Name { get; }
}
