using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Sandbox.Hosting;

/// <summary>Serves a simulator over real HTTP on 127.0.0.1, for -BaseUri and for anyone poking at it with curl.</summary>
public sealed class HttpListenerHost : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IVendorSimulator _simulator;
    private readonly object _logGate = new();

    /// <summary>Creates a host for <paramref name="simulator"/> on the given port.</summary>
    public HttpListenerHost(IVendorSimulator simulator, int port)
    {
        _simulator = simulator;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
    }

    /// <summary>Where the simulator listens.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// Where every request is written as it arrives, before the simulator answers it: one JSON object a line with its
    /// method, path, query, headers and body (as UTF-8 text: the customers an import sent), so that a test in another
    /// process can see what crossed the wire. Null keeps no log.
    /// </summary>
    public TextWriter? RequestLog { get; set; }

    /// <summary>Answers requests until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        using var registration = cancellationToken.Register(() => _listener.Stop());
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            _ = ServeAsync(context);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var answer = await _simulator.AnswerAsync(async () =>
        {
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string? name in context.Request.Headers.AllKeys)
                if (name is not null) headers[name] = context.Request.Headers[name] ?? string.Empty;
            var request = new SimulatedRequest(context.Request.HttpMethod.ToUpperInvariant(), context.Request.Url!.AbsolutePath,
                QueryString.Parse(context.Request.Url.Query), headers, buffer.ToArray());
            Log(request);
            return request;
        }).ConfigureAwait(false);
        if (answer.Drop)
        {
            context.Response.Abort();
            return;
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        if (answer.RetryAfter is { } retryAfter) context.Response.AddHeader("Retry-After", retryAfter);
        // A known length keeps the answer in one write: chunked encoding would send its final chunk separately,
        // and Nagle's algorithm then waits ~40 ms for the client's delayed ACK on every request.
        context.Response.ContentLength64 = answer.Body.Length;
        await context.Response.OutputStream.WriteAsync(answer.Body, 0, answer.Body.Length).ConfigureAwait(false);
        context.Response.Close();
    }

    private void Log(SimulatedRequest request)
    {
        if (RequestLog is not { } log) return;
        var query = new JsonObject();
        foreach (var pair in request.Query) query[pair.Key] = pair.Value;
        var headers = new JsonObject();
        foreach (var pair in request.Headers) headers[pair.Key] = pair.Value;
        var line = new JsonObject { ["method"] = request.Method, ["path"] = request.Path, ["query"] = query, ["headers"] = headers,
            ["body"] = System.Text.Encoding.UTF8.GetString(request.Body) }.ToJsonString();
        lock (_logGate)
        {
            // Flushed line by line: the host is usually ended by killing it.
            log.WriteLine(line);
            log.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose() => ((IDisposable)_listener).Dispose();
}
