using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Diagnostics;
using RestSharp;

namespace OutboundPS.Http;

/// <summary>
/// Sends one vendor request through RestSharp and turns transport failures into OutboundExceptions
/// that say whether the request could have taken effect. Knows nothing of either vendor's envelope.
/// </summary>
internal sealed class VendorTransport : IDisposable
{
    private readonly RestClient _client;
    private readonly OutboundVendor _vendor;
    private readonly IReadOnlyCollection<string> _secretNames;
    private readonly TimeProvider _time;

    static VendorTransport()
    {
#if NETSTANDARD2_0
        // Windows PowerShell 5.1 on older .NET Framework defaults may omit TLS 1.2, which both vendors require.
        System.Net.ServicePointManager.SecurityProtocol |= System.Net.SecurityProtocolType.Tls12;
#endif
    }

    internal VendorTransport(OutboundVendor vendor, TransportOptions options)
    {
        _vendor = vendor;
        // SecretFields are redacted whatever the vendor declares, so a descriptor that forgets its list leaks none of them.
        _secretNames = SecretFields.Names.Concat(options.SecretNames).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        BaseUri = options.BaseUri;
        var restOptions = new RestClientOptions(options.BaseUri)
        {
            Timeout = options.Timeout,
            ThrowOnAnyError = false,
            UserAgent = "OutboundPS",
        };
        _time = options.Time;
        restOptions.ConfigureMessageHandler = created => options.Handler ?? AllowConnections(UseProxy(created, options), options.BaseUri);
        // Bodies are serialized by JsonRequestBody and answers read by each vendor's envelope reader, both with VendorJson.
        _client = new RestClient(restOptions);
    }

    internal Uri BaseUri { get; }

    /// <summary>Connections to one host a session may hold: at least the largest -ThrottleLimit, so every batch in flight has one.</summary>
    internal const int ConnectionsPerHost = 32;

    /// <summary>
    /// .NET Framework (Windows PowerShell 5.1) allows 2 connections per host unless told otherwise, so -ThrottleLimit 8
    /// would still mean 2 requests in flight and the rest waiting out their timeout. Set on the handler RestSharp makes
    /// (where .NET Framework keeps it on the host's ServicePoint), never process-wide.
    /// </summary>
    internal static HttpMessageHandler AllowConnections(HttpMessageHandler handler, Uri baseUri)
    {
        if (handler is HttpClientHandler client && client.MaxConnectionsPerServer < ConnectionsPerHost)
        {
#if NETSTANDARD2_0
            try
            {
                client.MaxConnectionsPerServer = ConnectionsPerHost;
            }
            catch (PlatformNotSupportedException)
            {
                // .NET Framework before 4.7.1 has no such property; its ServicePoint carries the same limit.
                System.Net.ServicePointManager.FindServicePoint(baseUri).ConnectionLimit = ConnectionsPerHost;
            }
#else
            client.MaxConnectionsPerServer = ConnectionsPerHost;
#endif
        }

        return handler;
    }

    /// <summary>
    /// An explicit -Proxy (with -ProxyCredential, answered to its 407 challenge) replaces the system proxy; without one
    /// the handler keeps its default, the system proxy: on .NET 8 HttpClient.DefaultProxy (the Windows settings, or
    /// HTTPS_PROXY/HTTP_PROXY/NO_PROXY elsewhere), on .NET Framework WebRequest.DefaultWebProxy (the Windows settings).
    /// </summary>
    internal static HttpMessageHandler UseProxy(HttpMessageHandler handler, TransportOptions options)
    {
        if (options.Proxy is { } proxy && handler is HttpClientHandler client)
        {
            client.UseProxy = true;
            client.Proxy = new System.Net.WebProxy(proxy) { Credentials = options.ProxyCredential, BypassProxyOnLocal = false };
        }

        return handler;
    }

    internal async Task<RawResponse> SendAsync(RestRequest request, string operation, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        byte[]? body = null;
        // HttpClient buffers the answer before RestSharp sees it (ResponseContentRead), so taking the bytes here is a
        // memory copy; left to itself RestSharp copies them through a 16 KB buffer and decodes a string nobody reads,
        // about 24 KB of garbage per request, which an import of 50-row requests pays on every batch.
        request.CompletionOption = HttpCompletionOption.ResponseContentRead;
        request.ResponseWriter = stream =>
        {
            body = ReadAll(stream);
            return null;
        };
        var response = await _client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        watch.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        var verbose = OperationLog.VerboseEnabled;
        var line = verbose ? $"{request.Method.ToString().ToUpperInvariant()} {Describe(request, _secretNames)}" : string.Empty;
        if (response.ResponseStatus == ResponseStatus.Completed || response.StatusCode != 0)
        {
            var status = (int)response.StatusCode;
            if (verbose) OperationLog.Verbose($"{line} -> HTTP {status} in {watch.ElapsedMilliseconds} ms");
            // 429 and 503 come from the front door before the vendor's service looked at the request.
            if (status is 429 or 503)
                throw OutboundErrors.Busy(_vendor, operation, status, RetryAfter(HeaderValue(response, "Retry-After"), _time.GetUtcNow()));
            return new RawResponse(status, body ?? Array.Empty<byte>());
        }

        var error = response.ErrorException;
        OperationLog.Verbose($"{line} -> no answer after {watch.ElapsedMilliseconds} ms ({error?.GetType().Name})");
        if (NeverConnected(error)) throw OutboundErrors.NotReached(_vendor, operation, BaseUri, error!);
        var timedOut = response.ResponseStatus == ResponseStatus.TimedOut || error is TimeoutException or TaskCanceledException;
        throw OutboundErrors.Interrupted(_vendor, operation, error, timedOut);
    }

    /// <summary>
    /// The wait a Retry-After header asks for: delay-seconds or an HTTP date (RFC 9110 section 10.2.3); a date in the
    /// past means now; anything else (absent, unreadable) is null, and the usual backoff applies.
    /// </summary>
    internal static TimeSpan? RetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value!.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
            return date > now ? date - now : TimeSpan.Zero;
        return null;
    }

    private static string? HeaderValue(RestResponse response, string name) =>
        response.Headers?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();

    /// <summary>The request line as it may be logged: path and query, secrets replaced.</summary>
    internal static string Describe(RestRequest request, IReadOnlyCollection<string> secretNames)
    {
        var query = request.Parameters
            .Where(p => p.Type == ParameterType.QueryString)
            .Select(p => $"{p.Name}={(secretNames.Contains(p.Name, StringComparer.OrdinalIgnoreCase) ? "<redacted>" : p.Value)}")
            .ToArray();
        var path = "/" + request.Resource.TrimStart('/');
        return query.Length == 0 ? path : $"{path}?{string.Join("&", query)}";
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek)
        {
            var bytes = new byte[stream.Length - stream.Position];
            var read = 0;
            while (read < bytes.Length)
            {
                var count = stream.Read(bytes, read, bytes.Length - read);
                if (count == 0) break;
                read += count;
            }

            return read == bytes.Length ? bytes : bytes.AsSpan(0, read).ToArray();
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>True when no connection was made, so the vendor cannot have seen the request.</summary>
    private static bool NeverConnected(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NoData
                    or SocketError.TryAgain;
        }

        return false;
    }

    public void Dispose() => _client.Dispose();
}
