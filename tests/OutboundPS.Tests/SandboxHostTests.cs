using System;
using System.Net;
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
}
