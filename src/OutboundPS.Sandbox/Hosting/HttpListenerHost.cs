using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Sandbox.Hosting;

/// <summary>Serves a simulator over real HTTP on 127.0.0.1, for -BaseUri and for anyone poking at it with curl.</summary>
public sealed class HttpListenerHost : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IVendorSimulator _simulator;

    /// <summary>Creates a host for <paramref name="simulator"/> on the given port.</summary>
    public HttpListenerHost(IVendorSimulator simulator, int port)
    {
        _simulator = simulator;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
    }

    /// <summary>Where the simulator listens.</summary>
    public Uri BaseUri { get; }

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

            _ = Task.Run(() => Serve(context), CancellationToken.None);
        }
    }

    private void Serve(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        context.Request.InputStream.CopyTo(buffer);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string? name in context.Request.Headers.AllKeys)
            if (name is not null) headers[name] = context.Request.Headers[name] ?? string.Empty;
        var request = new SimulatedRequest(context.Request.HttpMethod.ToUpperInvariant(), context.Request.Url!.AbsolutePath,
            QueryString.Parse(context.Request.Url.Query), headers, buffer.ToArray());
        var answer = _simulator.Handle(request);
        if (answer.Drop)
        {
            context.Response.Abort();
            return;
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        context.Response.OutputStream.Write(answer.Body, 0, answer.Body.Length);
        context.Response.Close();
    }

    /// <inheritdoc />
    public void Dispose() => ((IDisposable)_listener).Dispose();
}
