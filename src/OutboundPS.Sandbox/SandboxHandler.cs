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
            var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers) headers[header.Key] = string.Join(",", header.Value);
            if (request.Content is not null)
                foreach (var header in request.Content.Headers) headers[header.Key] = string.Join(",", header.Value);
            var uri = request.RequestUri!;
            return new SimulatedRequest(request.Method.Method.ToUpperInvariant(), uri.AbsolutePath, QueryString.Parse(uri.Query), headers, body);
        }, cancellationToken).ConfigureAwait(false);
        if (answer.Drop) throw new HttpRequestException("The sandbox dropped the connection.");
        var content = new ByteArrayContent(answer.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        return new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = content, RequestMessage = request };
    }
}

/// <summary>Decodes a query string.</summary>
internal static class QueryString
{
    internal static IReadOnlyDictionary<string, string> Parse(string query) =>
        query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(new[] { '=' }, 2))
            .GroupBy(parts => Uri.UnescapeDataString(parts[0]), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString((g.Last().Length > 1 ? g.Last()[1] : string.Empty).Replace('+', ' ')),
                StringComparer.OrdinalIgnoreCase);
}
