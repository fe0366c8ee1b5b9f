using System;
using System.Net.Http;
using System.Security;

namespace OutboundPS.Sessions;

/// <summary>What Connect-Outbound was given.</summary>
internal sealed class ConnectRequest
{
    internal ConnectRequest(OutboundVendor vendor, string appKey, SecureString appSecret)
    {
        Vendor = vendor;
        AppKey = appKey;
        AppSecret = appSecret;
    }

    internal OutboundVendor Vendor { get; }
    internal string AppKey { get; }
    internal SecureString AppSecret { get; }
    internal string? Name { get; set; }
    internal string? CompanyId { get; set; }
    internal Uri? BaseUri { get; set; }

    /// <summary>The in-process simulator's handler when -Sandbox was given.</summary>
    internal HttpMessageHandler? SandboxHandler { get; set; }

    /// <summary>The in-process simulator's pushes of a task, by task id, for vendors that report results only by push.</summary>
    internal Func<string, System.Collections.Generic.IReadOnlyList<string>>? SandboxPushes { get; set; }

    /// <summary>Per-request timeout (-TimeoutSec).</summary>
    internal TimeSpan? Timeout { get; set; }

    /// <summary>Retries after the first attempt (-MaximumRetryCount); null keeps the default.</summary>
    internal int? MaxRetries { get; set; }

    /// <summary>An explicit proxy (-Proxy); null uses the system proxy.</summary>
    internal Uri? Proxy { get; set; }

    /// <summary>The proxy's credential (-ProxyCredential); a secret, kept only by the session's transport.</summary>
    internal System.Net.NetworkCredential? ProxyCredential { get; set; }

    /// <summary>The retry pipeline's clock and timers; real time unless a test sets it.</summary>
    internal TimeProvider? RetryTime { get; set; }

    /// <summary>The client's notion of now (token expiry, request signing); real UTC time unless a test sets it.</summary>
    internal Func<DateTimeOffset>? Clock { get; set; }
    internal TimeSpan? RetryDelay { get; set; }
}
