using System;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace OutboundPS.Http;

/// <summary>
/// Retries only what the vendor provably did not apply (connection refused, busy codes, 429/503),
/// with exponential backoff and jitter. A request whose outcome is unknown is never sent again.
/// </summary>
internal static class RetryPipeline
{
    internal static ResiliencePipeline Create(TransportOptions options)
    {
        if (options.MaxRetries <= 0) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<OutboundException>(e => e.NotApplied),
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
