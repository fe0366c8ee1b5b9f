using System.Collections.Concurrent;
using OutboundPS.Diagnostics;
using OutboundPS.Http;

namespace OutboundPS.Tests.Support;

/// <summary>Captures what Core would have written to -Verbose and the warning stream.</summary>
internal sealed class CollectingLog : IOperationLogSink
{
    internal ConcurrentQueue<string> Lines { get; } = new();

    public bool VerboseEnabled => true;

    public void Verbose(string message) => Lines.Enqueue("VERBOSE: " + message);

    public void Warning(string message) => Lines.Enqueue("WARNING: " + message);
}
