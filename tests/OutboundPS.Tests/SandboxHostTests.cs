using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.IFlytek;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.Hosting;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The host program's HTTP server, as `dotnet run --project src/OutboundPS.Sandbox` starts it.</summary>
public sealed class SandboxHostTests
{
    [Fact]
    public async Task HostProgram_ServesTheSimulatorOverLoopback_ToAClientGivenItsBaseUri()
    {
        var simulator = new IFlytekSimulator(SandboxBackends.AppKey, SandboxBackends.AppSecret, new ScaledClock(SandboxBackends.Speed));
        using var host = new HttpListenerHost(simulator, LoopbackPrefix.FreePort());
        using var stop = new CancellationTokenSource();
        var serving = host.RunAsync(stop.Token);
        var session = await SessionConnector.ConnectAsync(
            new ConnectRequest(IFlytekVendor.Id, SandboxBackends.AppKey, SecretText.Protect(SandboxBackends.AppSecret)) { BaseUri = host.BaseUri, Name = "host-test" },
            SandboxConnection.Registry, CancellationToken.None);
        try
        {
            var lines = await session.Client.GetLinesAsync(CancellationToken.None);
            Assert.Equal(2, lines.Count);
            Assert.Contains(simulator.Received, r => r.Request.Path == "/openapi/config/v1/query");
        }
        finally
        {
            SandboxConnection.Registry.Remove(session);
            stop.Cancel();
            await serving;
        }
    }

    [Fact]
    public async Task RequestLog_GetsAJsonLinePerRequest_WithItsMethodPathQueryHeadersAndBody()
    {
        var simulator = new IFlytekSimulator(SandboxBackends.AppKey, SandboxBackends.AppSecret, new ScaledClock(SandboxBackends.Speed));
        using var log = new StringWriter();
        using var host = new HttpListenerHost(simulator, LoopbackPrefix.FreePort()) { RequestLog = log };
        using var stop = new CancellationTokenSource();
        var serving = host.RunAsync(stop.Token);
        try
        {
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseUri, "openapi/config/v1/query?token=t%201"))
            {
                Content = new StringContent("{\"phone\":\"13800138000\"}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Probe", "probe-1");
            using var response = await client.SendAsync(request);

            var line = Assert.Single(log.ToString().Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries));
            var entry = JsonNode.Parse(line)!;
            Assert.Equal("POST", (string?)entry["method"]);
            Assert.Equal("/openapi/config/v1/query", (string?)entry["path"]);
            Assert.Equal("t 1", (string?)entry["query"]!["token"]);
            Assert.Equal("probe-1", (string?)entry["headers"]!["X-Probe"]);
            Assert.Equal("{\"phone\":\"13800138000\"}", (string?)entry["body"]);
        }
        finally
        {
            stop.Cancel();
            await serving;
        }
    }
}
