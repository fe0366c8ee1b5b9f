using System;
using System.Collections.Concurrent;
using System.Threading;

namespace OutboundPS.Sandbox;

/// <summary>Trouble a test can ask a simulator to cause.</summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentQueue<Tuple<string, int>> _scriptedCodes = new();

    /// <summary>Delay added to every request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Makes the next request whose path ends with <paramref name="pathSuffix"/> fail with the vendor code.</summary>
    public void FailNext(string pathSuffix, int vendorCode) => _scriptedCodes.Enqueue(Tuple.Create(pathSuffix, vendorCode));

    internal void Delay()
    {
        if (Latency > TimeSpan.Zero) Thread.Sleep(Latency);
    }

    /// <summary>
    /// Drops the connection of the next request whose path ends with <paramref name="pathSuffix"/>,
    /// after the simulator has applied it (true) or before it has (false).
    /// </summary>
    public void DropNext(string pathSuffix, bool afterProcessing) => _drops.Enqueue(Tuple.Create(pathSuffix, afterProcessing));

    private readonly ConcurrentQueue<Tuple<string, bool>> _drops = new();

    /// <summary>Whether to drop this request, and whether after applying it.</summary>
    internal bool? TakeDrop(string path)
    {
        if (_drops.TryPeek(out var next) && path.EndsWith(next.Item1, StringComparison.Ordinal) && _drops.TryDequeue(out next))
            return next.Item2;
        return null;
    }

    internal int? TakeScriptedCode(string path)
    {
        if (_scriptedCodes.TryPeek(out var next) && path.EndsWith(next.Item1, StringComparison.Ordinal)
            && _scriptedCodes.TryDequeue(out next))
            return next.Item2;
        return null;
    }

    internal string? TakeRawBody() => Interlocked.Exchange(ref _nextRawBodyField, null);

    private string? _nextRawBodyField;

    /// <summary>Answers the next request with this text instead of JSON (an HTML error page, say).</summary>
    public void AnswerNextWith(string rawBody) => _nextRawBodyField = rawBody;
}
