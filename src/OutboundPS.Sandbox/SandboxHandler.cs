using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Sandbox;

/// <summary>Plugs a simulator into HttpClient in place of the network: same client code path, no sockets.</summary>
public sealed class SandboxHandler : HttpMessageHandler
{
    private readonly IVendorSimulator _simulator;

    /// <summary>Creates a handler that answers every request from <paramref name="simulator"/>.</summary>
    public SandboxHandler(IVendorSimulator simulator) => _simulator = simulator;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = await _simulator.AnswerAsync(async () =>
        {
            var body = await ReadBodyAsync(request.Content).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            Copy(request.Headers, headers);
            if (request.Content is not null) Copy(request.Content.Headers, headers);
            var uri = request.RequestUri!;
            return new SimulatedRequest(request.Method.Method.ToUpperInvariant(), uri.AbsolutePath, QueryString.Parse(uri.Query), headers, body);
        }, cancellationToken).ConfigureAwait(false);
        if (answer.Drop) throw new HttpRequestException("The sandbox dropped the connection.");
        var content = new ByteArrayContent(answer.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = content, RequestMessage = request };
        if (answer.RetryAfter is { } retryAfter) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    /// <summary>
    /// The body in one array of its declared length: ReadAsByteArrayAsync buffers it into a growing stream and copies
    /// that, three arrays per request for the client's heap to collect, where the client's byte content has one.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContent? content)
    {
        if (content is null) return Array.Empty<byte>();
        if (content.Headers.ContentLength is not { } length || length > int.MaxValue)
            return await content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var body = new byte[length];
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        var read = 0;
        int count;
        while (read < body.Length && (count = await stream.ReadAsync(body, read, body.Length - read).ConfigureAwait(false)) > 0) read += count;
        if (read < body.Length) Array.Resize(ref body, read);
        return body;
    }

    private static void Copy(HttpHeaders from, Dictionary<string, string> to)
    {
#if NET8_0_OR_GREATER
        // Raw values: parsing every header, as enumerating HttpHeaders does, costs more than the simulator's own work.
        foreach (var header in from.NonValidated) to[header.Key] = header.Value.ToString();
#else
        foreach (var header in from) to[header.Key] = string.Join(",", header.Value);
#endif
    }
}

/// <summary>Decodes a query string; a repeated name keeps its last value.</summary>
internal static class QueryString
{
    internal static IReadOnlyDictionary<string, string> Parse(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
            values[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
        }

        return values;
    }
}
