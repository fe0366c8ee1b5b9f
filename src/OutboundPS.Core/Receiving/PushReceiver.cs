using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Diagnostics;
using OutboundPS.Push;

namespace OutboundPS.Receiving;

/// <summary>
/// Receive-OutboundPush's listener: answers each vendor push the way the vendor requires (the body `success`:
/// docs/vendors/byrobot.md#callback-delivery, docs/vendors/iflytek.md#push-delivery) only once the push is stored, so
/// that nothing acknowledged is lost; a push it cannot store gets 503 and the vendor sends it again. A redelivery is
/// acknowledged again but neither stored nor written twice.
/// </summary>
internal sealed class PushReceiver
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private static readonly byte[] Success = Utf8.GetBytes("success");

    private readonly PushReceiverOptions _options;
    private readonly PushDeliveries _deliveries;
    private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IPushStore? _store;
    private PushOutput? _output;
    private int _serving;
    private int _storing;
    private volatile bool _stopping;
    private int _received;
    private int _stored;
    private int _repeated;
    private int _refused;

    internal PushReceiver(PushReceiverOptions options)
    {
        _options = options;
        _deliveries = new PushDeliveries(options.RememberedPushes);
    }

    /// <summary>Requests received.</summary>
    internal int Received => Volatile.Read(ref _received);

    /// <summary>Pushes stored (or, without a file, accepted) for the first time.</summary>
    internal int Stored => Volatile.Read(ref _stored);

    /// <summary>Redeliveries of pushes already stored, acknowledged again.</summary>
    internal int Repeated => Volatile.Read(ref _repeated);

    /// <summary>Requests answered with an error: not a push, too large, or not stored in time.</summary>
    internal int Refused => Volatile.Read(ref _refused);

    /// <summary>Pushes recognised from the file's earlier lines.</summary>
    internal int Preloaded { get; private set; }

    /// <summary>
    /// Listens until <paramref name="stop"/> (Ctrl+C: nothing more is written), the options' Timeout (the yeta calls
    /// still waiting for parts are written) or Count. <paramref name="write"/> receives each object, on a pool thread,
    /// one at a time.
    /// </summary>
    internal async Task RunAsync(Action<object> write, CancellationToken stop)
    {
        var listener = Listen(_options.Prefix);
        try
        {
            _store = OpenStore();
            _output = new PushOutput(_options, write);
            _output.CountReached += () => _done.TrySetResult(false);
            using var stopped = stop.Register(() => _done.TrySetResult(false));
            using var timeout = _options.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
            using var timedOut = timeout?.Token.Register(() => _done.TrySetResult(true));
            OperationLog.Verbose($"Listening on {_options.Prefix}" + (_options.Path is null ? " without storing pushes." : $", storing pushes in {_options.Path}."));

            var loops = new Task[Math.Max(1, _options.Concurrency)];
            for (var i = 0; i < loops.Length; i++) loops[i] = Task.Run(() => AcceptAsync(listener));
            var sweep = SweepAsync();
            var flush = await _done.Task.ConfigureAwait(false);

            _stopping = true;
            await WhenIdleAsync(() => Volatile.Read(ref _serving), null).ConfigureAwait(false);
            Close(listener);
            await Task.WhenAll(loops).ConfigureAwait(false);
            await sweep.ConfigureAwait(false);
            // A push whose storing outlived its request is still written when it lands, or forgotten when it fails.
            await WhenIdleAsync(() => Volatile.Read(ref _storing), _options.StoreDeadline).ConfigureAwait(false);
            _output.Close(flush: flush && !stop.IsCancellationRequested);
            OperationLog.Verbose($"Stopped listening on {_options.Prefix}: {Received} requests, {Stored} pushes stored, {Repeated} redeliveries, {Refused} refused.");
        }
        finally
        {
            _stopping = true;
            Close(listener);
            _output?.Close(flush: false);
            _store?.Dispose();
        }
    }

    /// <summary>Ends <see cref="RunAsync"/> as a timeout does: requests under way are answered, waiting yeta calls written.</summary>
    internal void Finish() => _done.TrySetResult(true);

    private static HttpListener Listen(string prefix)
    {
        var listener = new HttpListener();
        try
        {
            listener.Prefixes.Add(prefix);
            listener.Start();
            return listener;
        }
        catch (HttpListenerException error) when (error.ErrorCode == 5)
        {
            Close(listener);
            throw OutboundErrors.ListenFailed(prefix, "access is denied.",
                $"On Windows, reserve the address once from an elevated prompt (netsh http add urlacl url={prefix} user=%USERNAME%), or listen on http://localhost:<port>/ behind a reverse proxy.");
        }
        catch (Exception error) when (error is HttpListenerException or ArgumentException)
        {
            Close(listener);
            throw OutboundErrors.ListenFailed(prefix, error.Message, "Pick a free port, and a prefix of the form http://host:port/path/ ending in '/'.");
        }
    }

    private static void Close(HttpListener listener)
    {
        try
        {
            listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }
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

    private async Task AcceptAsync(HttpListener listener)
    {
        while (!_stopping)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stopping || !listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue; // one request's connection failed before it was read
            }

            Interlocked.Increment(ref _serving);
            try
            {
                await ServeAsync(context).ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The sender went away before its answer: it was not acknowledged, so it comes again.
            }
            finally
            {
                Interlocked.Decrement(ref _serving);
            }
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _received);
        var request = context.Request;
        if (_stopping)
        {
            await AnswerAsync(context, null, 503, "stopping", first: false).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, 405, $"{request.HttpMethod} {request.Url?.AbsolutePath}: only POST carries pushes.").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAsync(context, 413, $"POST {request.Url?.AbsolutePath}: the body is larger than {_options.MaxBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        PushMessage message;
        try
        {
            message = PushConverter.Read(body);
        }
        catch (OutboundException error)
        {
            // Not acknowledged: a sender that means it sees the refusal; the warning quotes the body redacted.
            await RefuseAsync(context, 400, $"POST {request.Url?.AbsolutePath} from {request.RemoteEndPoint}: {error.Message}").ConfigureAwait(false);
            return;
        }

        var key = PushDeliveryKey.Of(message);
        var delivery = _deliveries.Join(key, () => StoreAsync(message, body), out var first);
        var stored = await WithinDeadlineAsync(delivery).ConfigureAwait(false);
        if (!first && stored) Interlocked.Increment(ref _repeated);
        if (OperationLog.VerboseEnabled)
            OperationLog.Verbose(string.Format(CultureInfo.InvariantCulture, "POST {0}: {1} {2} {3} in {4:0} ms.", request.Url?.AbsolutePath, message.Kind,
                Subject(message), !stored ? "not stored in time: answered 503" : first ? "stored" : "delivered again: acknowledged, not stored again",
                (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency));
        if (!stored) Interlocked.Increment(ref _refused);
        await AnswerAsync(context, key, stored ? 200 : 503, stored ? null : "not stored", first).ConfigureAwait(false);
    }

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

    private async Task<string?> ReadBodyAsync(HttpListenerRequest request)
    {
        if (request.ContentLength64 > _options.MaxBodyBytes) return null;
        using var buffer = new MemoryStream(request.ContentLength64 > 0 ? (int)request.ContentLength64 : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        // Both vendors post UTF-8 (docs/vendors/byrobot.md#callback-delivery, docs/vendors/iflytek.md#push-delivery).
        return Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private async Task RefuseAsync(HttpListenerContext context, int status, string why)
    {
        Interlocked.Increment(ref _refused);
        OperationLog.Warning($"Refused a request ({status}): {why}");
        await AnswerAsync(context, null, status, "not a push", first: false).ConfigureAwait(false);
    }

    /// <summary>Answers `success` (BYRobot accepts exactly that body, yeta any body containing it), or an error that is neither.</summary>
    private async Task AnswerAsync(HttpListenerContext context, string? key, int status, string? error, bool first)
    {
        var response = context.Response;
        if (_options.DropReply?.Invoke(new PushReply(key, status, first)) == true)
        {
            response.Abort();
            return;
        }

        var bytes = error is null ? Success : Utf8.GetBytes(error);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
        response.Close();
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
