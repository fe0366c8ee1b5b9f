using System;
using System.Threading.Tasks;
using OutboundPS.Diagnostics;
using Polly;
using Polly.Retry;

namespace OutboundPS.Http;

/// <summary>
/// Retries with exponential backoff and jitter (docs/design.md#retries): writes only when the vendor provably did not apply
/// them (connection refused, busy codes, 429/503), so a write whose outcome is unknown is never sent again;
/// reads also after a lost answer, since reading twice changes nothing. At most MaxRetries retries, each
/// wait capped at 30 s (a Retry-After the vendor's front door sends is honoured up to 60 s), so the total time is bounded.
/// </summary>
internal static class RetryPipeline
{
    internal static ResiliencePipeline Create(TransportOptions options, bool reads)
    {
        if (options.MaxRetries <= 0) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder { TimeProvider = options.Time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<OutboundException>(e => e.NotApplied || (reads && e.OutcomeUnknown)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = args => new ValueTask<TimeSpan?>(NextDelay(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    var asked = args.Outcome.Exception is OutboundException { RetryAfter: not null } ? " as the vendor asked (Retry-After)" : string.Empty;
                    OperationLog.Verbose(
                        $"Retrying in {args.RetryDelay.TotalMilliseconds:0} ms{asked} (attempt {args.AttemptNumber + 2}): {args.Outcome.Exception?.Message}");
                    return default(ValueTask);
                },
            })
            .Build();
    }

    /// <summary>
    /// The wait before the next attempt: what a 429/503's Retry-After asked for, up to <see cref="TransportOptions.RetryAfterCap"/>;
    /// otherwise null, and Polly's exponential backoff with jitter (each wait at most 30 s) decides.
    /// </summary>
    internal static TimeSpan? NextDelay(Exception? error)
    {
        if (error is OutboundException { RetryAfter: { } asked })
            return asked < TransportOptions.RetryAfterCap ? asked : TransportOptions.RetryAfterCap;
        return null;
    }
}
