using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    internal static async Task<KestrelSandbox> StartAsync(IVendorSimulator simulator)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
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
            await context.Response.Body.WriteAsync(answer.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelSandbox(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
