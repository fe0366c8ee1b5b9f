using System;
using System.Collections.Concurrent;
using System.Threading;

namespace OutboundPS.Sandbox;

/// <summary>Trouble a test can ask a simulator to cause. Scripted faults apply to the next matching request, in order.</summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentQueue<Tuple<string, int>> _codes = new();
    private readonly ConcurrentQueue<Tuple<string, bool>> _drops = new();
    private readonly ConcurrentQueue<Tuple<string, int>> _statuses = new();
    private string? _rawBody;

    /// <summary>
    /// How long after a request arrives its answer leaves, the simulator's own processing included
    /// (a vendor's response time includes its work); transports start this wait on arrival.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Makes the next request whose path ends with <paramref name="pathSuffix"/> fail with the vendor code.</summary>
    public void FailNext(string pathSuffix, int vendorCode) => _codes.Enqueue(Tuple.Create(pathSuffix, vendorCode));

    /// <summary>
    /// Drops the connection of the next request whose path ends with <paramref name="pathSuffix"/>,
    /// after the simulator has applied it (true) or before it has (false).
    /// </summary>
    public void DropNext(string pathSuffix, bool afterProcessing) => _drops.Enqueue(Tuple.Create(pathSuffix, afterProcessing));

    /// <summary>Turns the next matching request away at the front door with an HTTP status (429, 503) before processing it.</summary>
    public void RejectNext(string pathSuffix, int httpStatus) => _statuses.Enqueue(Tuple.Create(pathSuffix, httpStatus));

    /// <summary>Answers the next request with this text instead of JSON (an HTML error page, say).</summary>
    public void AnswerNextWith(string rawBody) => _rawBody = rawBody;

    /// <summary>The latency as a task to start on arrival and await before answering; holds no thread.</summary>
    public System.Threading.Tasks.Task DelayAsync(CancellationToken cancellationToken = default) =>
        Latency > TimeSpan.Zero ? System.Threading.Tasks.Task.Delay(Latency, cancellationToken) : System.Threading.Tasks.Task.CompletedTask;

    internal int? TakeScriptedCode(string path) => TakeMatching(_codes, path, out var code) ? code : null;

    /// <summary>Whether to drop this request, and whether after applying it.</summary>
    internal bool? TakeDrop(string path) => TakeMatching(_drops, path, out var after) ? after : null;

    internal int? TakeHttpStatus(string path) => TakeMatching(_statuses, path, out var status) ? status : null;

    internal string? TakeRawBody() => Interlocked.Exchange(ref _rawBody, null);

    private static bool TakeMatching<T>(ConcurrentQueue<Tuple<string, T>> queue, string path, out T value)
    {
        if (queue.TryPeek(out var next) && path.EndsWith(next.Item1, StringComparison.Ordinal) && queue.TryDequeue(out next))
        {
            value = next.Item2;
            return true;
        }

        value = default!;
        return false;
    }
}
