using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Sandbox.Pushes;

/// <summary>
/// Posts a simulator's records to a receiver as the vendor does (sandbox host `--push-uri`): one POST per record with
/// the vendor's content type, retried by the vendor's <see cref="PushRule"/> until the reply acknowledges it or the
/// attempts run out. Deliveries run in the background, several at once; counters make retries visible to tests.
/// </summary>
public sealed class PushSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly SandboxClock _clock;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _attempts;
    private int _delivered;
    private int _gaveUp;

    /// <summary>Creates a sender to <paramref name="target"/>; <paramref name="handler"/> replaces the network (tests).</summary>
    public PushSender(Uri target, PushRule rule, SandboxClock clock, HttpMessageHandler? handler = null, int parallel = 8)
    {
        Target = target;
        Rule = rule;
        _clock = clock;
        _slots = new SemaphoreSlim(Math.Max(1, parallel));
        // The rule's reply timeout applies per attempt; the client's own timeout must not cut it shorter.
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        Wait = WaitOnClockAsync;
    }

    /// <summary>Where records are posted.</summary>
    public Uri Target { get; }

    /// <summary>The vendor's delivery rule.</summary>
    public PushRule Rule { get; }

    /// <summary>How the sender waits between attempts; by default the rule's interval (on the simulated clock when the rule says so). Tests may replace it.</summary>
    public Func<TimeSpan, CancellationToken, Task> Wait { get; set; }

    /// <summary>POSTs tried, every retry included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Records the receiver acknowledged.</summary>
    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>Records given up after the rule's last attempt.</summary>
    public int GaveUp => Volatile.Read(ref _gaveUp);

    /// <summary>Starts delivering a record; returns at once.</summary>
    public void Send(PushMessage message)
    {
        var delivery = Task.Run(() => DeliverAsync(message));
        _running.TryAdd(delivery, 0);
        delivery.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when every record sent so far has been delivered or given up.</summary>
    public async Task DrainAsync()
    {
        while (_running.Keys.ToArray() is { Length: > 0 } running)
            await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task DeliverAsync(PushMessage message)
    {
        var token = _stop.Token;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (attempt > 1) await Wait(Rule.IntervalBefore(attempt), token).ConfigureAwait(false);
                bool acknowledged;
                await _slots.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    message.Attempts = attempt;
                    Interlocked.Increment(ref _attempts);
                    acknowledged = await TryOnceAsync(message, token).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }

                if (acknowledged)
                {
                    Interlocked.Increment(ref _delivered);
                    message.Delivered?.Invoke(message);
                    return;
                }

                if (attempt >= Rule.MaxAttempts)
                {
                    Interlocked.Increment(ref _gaveUp);
                    message.GaveUp?.Invoke(message);
                    return;
                }
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            // The sender was disposed: the remaining deliveries are abandoned, as when the vendor's process stops.
        }
    }

    /// <summary>One POST: acknowledged only by a 2xx reply, within the rule's timeout, whose body the rule accepts.</summary>
    private async Task<bool> TryOnceAsync(PushMessage message, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(Rule.ReplyTimeout);
        try
        {
            var content = new ByteArrayContent(message.Bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", Rule.ContentType);
            using var request = new HttpRequestMessage(HttpMethod.Post, Target) { Content = content };
            using var reply = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await reply.Content.ReadAsStringAsync().ConfigureAwait(false);
            return reply.IsSuccessStatusCode && Rule.Accepts(body);
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or System.IO.IOException && !stop.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits an interval: on the simulated clock (polled, since only time moves it) or in real time, as the rule says.</summary>
    private async Task WaitOnClockAsync(TimeSpan interval, CancellationToken token)
    {
        if (interval <= TimeSpan.Zero) return;
        if (!Rule.IntervalsOnSimulatedClock)
        {
            await Task.Delay(interval, token).ConfigureAwait(false);
            return;
        }

        var due = _clock.Now + interval;
        for (var left = due - _clock.Now; left > TimeSpan.Zero; left = due - _clock.Now)
        {
            var real = _clock is ScaledClock scaled ? TimeSpan.FromTicks((long)(left.Ticks / scaled.Speed)) : TimeSpan.FromMilliseconds(20);
            await Task.Delay(real < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : real > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : real, token).ConfigureAwait(false);
        }
    }

    /// <summary>Abandons deliveries still under way.</summary>
    public void Dispose()
    {
        // The token source stays undisposed: abandoned deliveries may still be linking to it.
        _stop.Cancel();
        _http.Dispose();
    }
}
