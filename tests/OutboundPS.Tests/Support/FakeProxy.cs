using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OutboundPS.Sandbox;

namespace OutboundPS.Tests.Support;

/// <summary>
/// A forward proxy on 127.0.0.1 (Kestrel, free port) that demands Basic proxy authentication: a request without the
/// expected Proxy-Authorization gets 407 and a challenge, one with it is answered by the simulator behind it.
/// </summary>
internal sealed class FakeProxy : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeProxy(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    internal Uri Address { get; }

    /// <summary>Every request the proxy saw: its request target as sent and its Proxy-Authorization (null when absent).</summary>
    internal ConcurrentQueue<(string Target, string? Authorization)> Seen { get; } = new();

    internal static async Task<FakeProxy> StartAsync(IVendorSimulator simulator, string user, string password)
    {
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password));
        FakeProxy? proxy = null;
        var (app, address) = await KestrelSandbox.StartAppAsync(async context =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var authorization = context.Request.Headers.ProxyAuthorization.FirstOrDefault();
            proxy!.Seen.Enqueue((target, authorization));
            if (authorization != expected)
            {
                context.Response.StatusCode = 407;
                context.Response.Headers.ProxyAuthenticate = "Basic realm=\"fake-proxy\"";
                return;
            }

            await KestrelSandbox.Answer(simulator, context);
        });
        proxy = new FakeProxy(app, address);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
