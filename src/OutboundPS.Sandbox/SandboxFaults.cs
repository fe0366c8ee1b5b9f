using System;
using System.Collections.Concurrent;
using System.Threading;

namespace OutboundPS.Sandbox;

/// <summary>Trouble a test can ask a simulator to cause. Scripted faults apply to the next matching request, in order.</summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentQueue<Tuple<string, int>> _codes = new();
    private readonly ConcurrentQueue<Tuple<string, bool>> _drops = new();
    private readonly ConcurrentQueue<Tuple<string, (int Status, string? RetryAfter)>> _statuses = new();
    private string? _rawBody;
    private Random _random = new(1);

    /// <summary>Seeds the random faults, so a run can be repeated.</summary>
    public int Seed
    {
        set => _random = new Random(value);
    }

    /// <summary>Fraction of requests turned away as busy before processing (iFlytek 10004, BYRobot HTTP 503).</summary>
    public double BusyRate { get; set; }

    /// <summary>Fraction of requests whose connection drops before the simulator looks at them.</summary>
    public double DropBeforeRate { get; set; }

    /// <summary>Fraction of requests applied by the simulator whose answer is then lost to a dropped connection.</summary>
    public double DropAfterRate { get; set; }

    /// <summary>Fraction of requests applied but answered only after <see cref="Stall"/> (a client timeout).</summary>
    public double StallRate { get; set; }

    /// <summary>How late a stalled answer comes.</summary>
    public TimeSpan Stall { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, random faults strike only requests whose path ends with this.</summary>
    public string? RandomFaultPath { get; set; }

    /// <summary>Random faults that fired: busy, dropped before, dropped after, stalled.</summary>
    public (int Busy, int DropBefore, int DropAfter, int Stalled) Fired { get; private set; }

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

    /// <summary>
    /// Turns the next matching request away at the front door with an HTTP status (429, 503) before processing it,
    /// with a Retry-After header when <paramref name="retryAfter"/> is given (seconds or an HTTP date). Neither vendor
    /// documents Retry-After; a load balancer or gateway in front of either may send it, so the sandbox can too.
    /// </summary>
    public void RejectNext(string pathSuffix, int httpStatus, string? retryAfter = null) =>
        _statuses.Enqueue(Tuple.Create(pathSuffix, (httpStatus, retryAfter)));

    /// <summary>Answers the next request with this text instead of JSON (an HTML error page, say).</summary>
    public void AnswerNextWith(string rawBody) => _rawBody = rawBody;

    /// <summary>The latency as a task to start on arrival and await before answering; holds no thread.</summary>
    public System.Threading.Tasks.Task DelayAsync(CancellationToken cancellationToken = default) =>
        Latency > TimeSpan.Zero ? System.Threading.Tasks.Task.Delay(Latency, cancellationToken) : System.Threading.Tasks.Task.CompletedTask;

    /// <summary>Draws the random fault for one request; the simulator calls it once, under its lock.</summary>
    internal RandomFault Roll(string path)
    {
        if (RandomFaultPath is not null && !path.EndsWith(RandomFaultPath, StringComparison.Ordinal)) return RandomFault.None;
        var draw = _random.NextDouble();
        var fired = Fired;
        if ((draw -= BusyRate) < 0) { Fired = (fired.Busy + 1, fired.DropBefore, fired.DropAfter, fired.Stalled); return RandomFault.Busy; }
        if ((draw -= DropBeforeRate) < 0) { Fired = (fired.Busy, fired.DropBefore + 1, fired.DropAfter, fired.Stalled); return RandomFault.DropBefore; }
        if ((draw -= DropAfterRate) < 0) { Fired = (fired.Busy, fired.DropBefore, fired.DropAfter + 1, fired.Stalled); return RandomFault.DropAfter; }
        if ((draw -= StallRate) < 0) { Fired = (fired.Busy, fired.DropBefore, fired.DropAfter, fired.Stalled + 1); return RandomFault.Stall; }
        return RandomFault.None;
    }

    internal int? TakeScriptedCode(string path) => TakeMatching(_codes, path, out var code) ? code : null;

    /// <summary>Whether to drop this request, and whether after applying it.</summary>
    internal bool? TakeDrop(string path) => TakeMatching(_drops, path, out var after) ? after : null;

    internal (int Status, string? RetryAfter)? TakeHttpStatus(string path) => TakeMatching(_statuses, path, out var status) ? status : null;

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

/// <summary>What the dice decided for one request.</summary>
internal enum RandomFault
{
    None,
    Busy,
    DropBefore,
    DropAfter,
    Stall,
}
