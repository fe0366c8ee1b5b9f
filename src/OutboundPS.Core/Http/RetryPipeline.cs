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
/// wait capped at 30 s, so the total time is bounded.
/// </summary>
internal static class RetryPipeline
{
    internal static ResiliencePipeline Create(TransportOptions options, bool reads)
    {
        if (options.MaxRetries <= 0) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<OutboundException>(e => e.NotApplied || (reads && e.OutcomeUnknown)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                OnRetry = args =>
                {
                    OperationLog.Verbose(
                        $"Retrying in {args.RetryDelay.TotalMilliseconds:0} ms (attempt {args.AttemptNumber + 2}): {args.Outcome.Exception?.Message}");
                    return default(ValueTask);
                },
            })
            .Build();
    }
}
