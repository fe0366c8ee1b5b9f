using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutboundPS.Sandbox;

namespace OutboundPS.Tests.Support;

/// <summary>A simulator served by Kestrel on 127.0.0.1 with a free port; real sockets, real HTTP.</summary>
internal sealed class KestrelSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelSandbox(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    internal Uri BaseUri { get; }

    /// <summary>The most requests the server had open at once.</summary>
    internal int MaxInFlight => _maxInFlight;

    private int _inFlight;
    private int _maxInFlight;

    internal static async Task<KestrelSandbox> StartAsync(IVendorSimulator simulator)
    {
        KestrelSandbox? sandbox = null;
        var (app, address) = await StartAppAsync(async context =>
        {
            var open = Interlocked.Increment(ref sandbox!._inFlight);
            InterlockedMax(ref sandbox._maxInFlight, open);
            try
            {
                await Answer(simulator, context);
            }
            finally
            {
                Interlocked.Decrement(ref sandbox._inFlight);
            }
        });
        sandbox = new KestrelSandbox(app, address);
        return sandbox;
    }

    /// <summary>
    /// A started Kestrel app answering every request with <paramref name="handle"/>, and its address with a trailing
    /// slash. It binds 127.0.0.1 port 0 so parallel tests never contend for a port and nothing listens beyond this
    /// machine; the caller stops and disposes it.
    /// </summary>
    internal static async Task<(WebApplication App, Uri Address)> StartAppAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        // Port 0 is only resolved once the server has started: ask it which port it got.
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    /// <summary>Answers one Kestrel request from the simulator, as the vendor's front door would (drops, Retry-After included).</summary>
    internal static async Task Answer(IVendorSimulator simulator, HttpContext context)
    {
        var answer = await simulator.AnswerAsync(async () =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            return new SimulatedRequest(context.Request.Method.ToUpperInvariant(), context.Request.Path.Value ?? "/", query, headers, buffer.ToArray());
        }, context.RequestAborted);
        if (answer.Drop)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        if (answer.RetryAfter is { } retryAfter) context.Response.Headers.RetryAfter = retryAfter;
        await context.Response.Body.WriteAsync(answer.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
