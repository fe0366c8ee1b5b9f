using System;
using System.Collections.Generic;
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

    /// <summary>Retries after the first attempt for requests that provably were not applied.</summary>
    internal int MaxRetries { get; set; } = 4;
}
