using System;
using System.Threading.Tasks;

namespace OutboundPS.Receiving;

/// <summary>Where a receiver keeps each push before it acknowledges it.</summary>
internal interface IPushStore : IDisposable
{
    /// <summary>Appends one line; completes once it is on disk, fails when it could not be put there.</summary>
    Task AppendAsync(string line);
}
