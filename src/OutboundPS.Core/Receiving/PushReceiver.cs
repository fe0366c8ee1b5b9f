using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Diagnostics;
using OutboundPS.Push;

namespace OutboundPS.Receiving;

/// <summary>
/// Receive-OutboundPush's receiver: answers each vendor push the way the vendor requires (the body `success`:
/// docs/vendors/byrobot.md#callback-delivery, docs/vendors/iflytek.md#push-delivery) only once the push is stored, so
/// that nothing acknowledged is lost; a push it cannot store gets 503 and the vendor sends it again. A redelivery is
/// acknowledged again but neither stored nor written twice. <see cref="PushHttpServer"/> admits only allowed peers, on
/// the push path, within the request timeout.
/// </summary>
internal sealed class PushReceiver
{
    private const string Success = "success";

    private readonly PushReceiverOptions _options;
    private readonly PushDeliveries _deliveries;
    private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PushHttpServer? _server;
    private IPushStore? _store;
    private PushOutput? _output;
    private int _storing;
    private volatile bool _stopping;
    private int _stored;
    private int _repeated;
    private int _refused;

    internal PushReceiver(PushReceiverOptions options)
    {
        _options = options;
        _deliveries = new PushDeliveries(options.RememberedPushes);
    }

    /// <summary>Complete requests received, from any peer.</summary>
    internal int Received => _server?.Requests ?? 0;

    /// <summary>Pushes stored (or, without a file, accepted) for the first time.</summary>
    internal int Stored => Volatile.Read(ref _stored);

    /// <summary>Redeliveries of pushes already stored, acknowledged again.</summary>
    internal int Repeated => Volatile.Read(ref _repeated);

    /// <summary>Requests from allowed peers answered with an error: another path, not POST, not a push, too large, or not stored in time.</summary>
    internal int Refused => Volatile.Read(ref _refused) + (_server is { } server ? server.Rejected + server.NotFound : 0);

    /// <summary>Requests from peers outside the allow-list, answered 403.</summary>
    internal int Forbidden => _server?.Forbidden ?? 0;

    /// <summary>Connections closed for not delivering a complete request within the request timeout.</summary>
    internal int CutOff => _server?.CutOff ?? 0;

    /// <summary>Pushes recognised from the file's earlier lines.</summary>
    internal int Preloaded { get; private set; }

    /// <summary>The address to give the vendor, once listening (<see cref="ListenPrefix.Url"/>).</summary>
    internal string? Url { get; private set; }

    /// <summary>
    /// Listens until <paramref name="stop"/> (Ctrl+C: nothing more is written), the options' Timeout (the yeta calls
    /// still waiting for parts are written) or Count. <paramref name="write"/> receives each object, on a pool thread,
    /// one at a time; <paramref name="listening"/> a line telling the address to give the vendor, once listening.
    /// Listening has begun when this returns its task.
    /// </summary>
    internal async Task RunAsync(Action<object> write, CancellationToken stop, Action<string>? listening = null)
    {
        var prefix = ListenPrefix.Parse(_options.Prefix);
        var allowed = _options.AllowedPeers ?? AllowedPeers.Loopback;
        var server = _server = new PushHttpServer(prefix, allowed, _options.RequestTimeout, _options.MaxBodyBytes, ServeAsync);
        server.Start();
        try
        {
            _store = OpenStore();
            _output = new PushOutput(_options, write);
            _output.CountReached += () => _done.TrySetResult(false);
            using var stopped = stop.Register(() => _done.TrySetResult(false));
            using var timeout = _options.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
            using var timedOut = timeout?.Token.Register(() => _done.TrySetResult(true));
            Url = prefix.Url(server.Port);
            OperationLog.Verbose($"Listening on {string.Join(" and ", server.Endpoints)} for pushes to {Url}, admitting {allowed}" +
                                 (_options.Path is null ? "; not storing pushes." : $"; storing pushes in {_options.Path}."));
            listening?.Invoke(AddressMessage(prefix, Url));
            if (!prefix.LoopbackOnly) WarnAboutAccess(prefix);

            var accepting = server.RunAsync();
            var sweep = SweepAsync();
            var flush = await _done.Task.ConfigureAwait(false);

            _stopping = true;
            server.StopAccepting();
            await WhenIdleAsync(() => server.Busy, null).ConfigureAwait(false);
            await server.CloseAsync().ConfigureAwait(false);
            await accepting.ConfigureAwait(false);
            await sweep.ConfigureAwait(false);
            // A push whose storing outlived its request is still written when it lands, or forgotten when it fails.
            await WhenIdleAsync(() => Volatile.Read(ref _storing), _options.StoreDeadline).ConfigureAwait(false);
            _output.Close(flush: flush && !stop.IsCancellationRequested);
            OperationLog.Verbose(string.Format(CultureInfo.InvariantCulture,
                "Stopped listening on {0}: {1} requests, {2} pushes stored, {3} redeliveries, {4} refused, {5} from addresses not allowed (403), " +
                "{6} connections closed without a complete request within {7:0.#} s.",
                prefix.Redacted(server.Port), Received, Stored, Repeated, Refused, Forbidden, CutOff, _options.RequestTimeout.TotalSeconds));
        }
        finally
        {
            _stopping = true;
            await server.CloseAsync().ConfigureAwait(false);
            _output?.Close(flush: false);
            _store?.Dispose();
        }
    }

    /// <summary>Ends <see cref="RunAsync"/> as a timeout does: requests under way are answered, waiting yeta calls written.</summary>
    internal void Finish() => _done.TrySetResult(true);

    /// <summary>The line that tells the user the push address (with its path token: the one message that shows it).</summary>
    private static string AddressMessage(ListenPrefix prefix, string url)
    {
        if (prefix.LoopbackOnly)
            return $"Push address: {url} (this machine only: give the vendor the https:// address of a reverse proxy that forwards to it, path included).";
        if (prefix.Host is "+" or "*")
            return $"Push address to give the vendor: {url} (with the name or address the vendor reaches this machine by in place of " +
                   $"{new Uri(url).Host}; behind a reverse proxy, the proxy's https:// address with this path).";
        return $"Push address to give the vendor: {url}";
    }

    /// <summary>Other machines can connect: says, once, who may push and how to change it.</summary>
    private void WarnAboutAccess(ListenPrefix prefix)
    {
        if (_options.AllowedPeers is null)
            OperationLog.Warning("Only this machine (loopback) may push: other addresses, the vendors' included, are refused with 403. " +
                                 $"Add -AllowedAddress {AllowedPeers.ByRobotName} to admit BYRobot's documented sender ({AllowedPeers.ByRobotSender}), " +
                                 "-AllowedAddress <address or CIDR range> for other senders or your reverse proxy, or -AllowedAddress Any for every address.");
        if (prefix.Path == "/")
            OperationLog.Warning("The push address has no path token: anyone who may connect can post to it. Give -Prefix a path only the vendor " +
                                 "knows (http://+:<port>/<random>/), or use -Port, which makes one.");
    }

    private IPushStore? OpenStore()
    {
        if (_options.Path is not { } path) return null;
        // Pushes stored by an earlier run may come again (a reply lost as that run stopped): they are recognised.
        foreach (var line in PushJournal.ReadLines(path))
        {
            try
            {
                _deliveries.RememberStored(PushDeliveryKey.Of(PushConverter.Read(line)));
                Preloaded++;
            }
            catch (OutboundException)
            {
                // A line this receiver did not write, or cut short by a crash before it was acknowledged.
            }
        }

        if (Preloaded > 0) OperationLog.Verbose($"{path} holds {Preloaded} pushes; redeliveries of them will be acknowledged without storing them again.");
        var journal = PushJournal.Open(path);
        return _options.WrapStore is { } wrap ? wrap(journal) : journal;
    }

    /// <summary>Answers one request from an allowed peer to the push path; null drops the connection (a test hook).</summary>
    private async Task<PushHttpAnswer?> ServeAsync(PushHttpRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        if (_stopping) return Answer(null, 503, "stopping", first: false);

        PushMessage message;
        try
        {
            message = PushConverter.Read(request.Body);
        }
        catch (OutboundException error)
        {
            // Not acknowledged: a sender that means it sees the refusal; the warning quotes the body redacted.
            Interlocked.Increment(ref _refused);
            OperationLog.Warning($"Refused a request from {request.Peer} (400): POST {request.ShownPath}: {error.Message}");
            return Answer(null, 400, "not a push", first: false);
        }

        var key = PushDeliveryKey.Of(message);
        var delivery = _deliveries.Join(key, () => StoreAsync(message, request.Body), out var first);
        var stored = await WithinDeadlineAsync(delivery).ConfigureAwait(false);
        if (!first && stored) Interlocked.Increment(ref _repeated);
        if (OperationLog.VerboseEnabled)
            OperationLog.Verbose(string.Format(CultureInfo.InvariantCulture, "POST {0}: {1} {2} {3} in {4:0} ms.", request.ShownPath, message.Kind,
                Subject(message), !stored ? "not stored in time: answered 503" : first ? "stored" : "delivered again: acknowledged, not stored again",
                (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency));
        if (!stored) Interlocked.Increment(ref _refused);
        return Answer(key, stored ? 200 : 503, stored ? Success : "not stored", first);
    }

    /// <summary>Answers `success` (BYRobot accepts exactly that body, yeta any body containing it), or an error that is neither.</summary>
    private PushHttpAnswer? Answer(string? key, int status, string body, bool first) =>
        _options.DropReply?.Invoke(new PushReply(key, status, first)) == true ? null : new PushHttpAnswer(status, body);

    /// <summary>Stores a push once, then hands it to the output; false when it could not be stored.</summary>
    private async Task<bool> StoreAsync(PushMessage message, string body)
    {
        Interlocked.Increment(ref _storing);
        try
        {
            if (_store is { } store)
            {
                try
                {
                    // JSON allows line breaks only between tokens, so turning them into spaces keeps the push one line and unchanged.
                    await store.AppendAsync(body.Trim().TrimStart('\uFEFF').Replace('\r', ' ').Replace('\n', ' ')).ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    OperationLog.Warning($"A {message.Kind} push {Subject(message)} could not be stored in {_options.Path}: {error.Message} It was not acknowledged, so the vendor sends it again.");
                    return false;
                }
            }

            // Without a file the pipeline is the only copy: a push it no longer takes is not acknowledged.
            if (!_output!.Add(message) && _store is null) return false;
            Interlocked.Increment(ref _stored);
            return true;
        }
        finally
        {
            Interlocked.Decrement(ref _storing);
        }
    }

    private async Task<bool> WithinDeadlineAsync(Task<bool> delivery)
    {
        if (!delivery.IsCompleted)
        {
            using var deadline = new CancellationTokenSource();
            var timer = Task.Delay(_options.StoreDeadline, deadline.Token);
            if (await Task.WhenAny(delivery, timer).ConfigureAwait(false) != delivery) return false;
            deadline.Cancel();
        }

        return delivery.Status == TaskStatus.RanToCompletion && delivery.Result;
    }

    /// <summary>What a verbose line names: the call or task, never the body (a BYRobot callback may carry its sign).</summary>
    private static string Subject(PushMessage message) => message switch
    {
        { Part: { } part } => "call " + part.CallKey,
        { Output: OutboundCallRecord record } => "call " + record.CallId,
        { Output: OutboundTask task } => "task " + task.Id,
        _ => string.Empty,
    };

    private async Task SweepAsync()
    {
        var every = TimeSpan.FromMilliseconds(Math.Max(50, Math.Min(1000, _options.PartWait.TotalMilliseconds / 4)));
        while (!_done.Task.IsCompleted)
        {
            await Task.WhenAny(_done.Task, Task.Delay(every)).ConfigureAwait(false);
            _output!.WriteOverdue();
        }
    }

    /// <summary>Waits until nothing is <paramref name="busy"/>, or at most <paramref name="limit"/>.</summary>
    private static async Task WhenIdleAsync(Func<int> busy, TimeSpan? limit)
    {
        var until = limit is { } most ? Stopwatch.GetTimestamp() + (long)(most.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        while (busy() > 0 && Stopwatch.GetTimestamp() < until) await Task.Delay(10).ConfigureAwait(false);
    }
}
