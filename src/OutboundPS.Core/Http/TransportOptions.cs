using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace OutboundPS.Http;

/// <summary>How a vendor client reaches its endpoint.</summary>
internal sealed class TransportOptions
{
    /// <summary>The vendor's base address.</summary>
    internal Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    /// <summary>Query parameters whose values never reach a log line, besides token, sign and app_secret (the vendor descriptor's secret names).</summary>
    internal IReadOnlyCollection<string> SecretNames { get; set; } = Array.Empty<string>();

    /// <summary>Replaces the socket handler (the in-process sandbox); null for real HTTP.</summary>
    internal HttpMessageHandler? Handler { get; set; }

    /// <summary>Per-request timeout.</summary>
    internal TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>First retry delay; later ones back off exponentially with jitter.</summary>
    internal TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Retries after the first attempt for requests that provably were not applied; 0 = one attempt only.</summary>
    internal int MaxRetries { get; set; } = 4;

    /// <summary>
    /// The longest wait a Retry-After answer can impose before the next attempt. A front door that asks for longer is
    /// waited on for this long only, so an interactive prompt or a runbook never sits silent for minutes on one answer;
    /// if the vendor is still busy, the last attempt's error carries the wait it asked for.
    /// </summary>
    internal static readonly TimeSpan RetryAfterCap = TimeSpan.FromSeconds(60);

    /// <summary>An explicit proxy; null uses the system proxy (HttpClientHandler's default).</summary>
    internal Uri? Proxy { get; set; }

    /// <summary>The explicit proxy's credential, offered when it answers 407; a secret, never logged.</summary>
    internal NetworkCredential? ProxyCredential { get; set; }

    /// <summary>The retry pipeline's clock and timers (Retry-After dates, waits between attempts); a test replaces it.</summary>
    internal TimeProvider Time { get; set; } = TimeProvider.System;
}
