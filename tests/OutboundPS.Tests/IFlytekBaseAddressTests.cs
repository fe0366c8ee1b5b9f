using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.IFlytek;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The openapi/ prefix belongs to the base address, so -BaseUri reaches a yeta API served under any prefix.</summary>
public sealed class IFlytekBaseAddressTests
{
    [Theory]
    [InlineData("/openapi", "", "/openapi/")]                                     // a bare host means the documented layout
    [InlineData("/openapi", "openapi", "/openapi/")]                              // the documented layout, spelled out, no trailing slash
    [InlineData("/v1/service/v1/aicall", "v1/service/v1/aicall/", "/v1/service/v1/aicall/")] // the iFlytek open-platform mirror
    public async Task BaseUri_ReachesTheApiUnderItsPrefix(string servedUnder, string baseUriPath, string expectedBasePath)
    {
        // Connected by hand: the harness always points the session at the server's root.
        var simulator = new IFlytekSimulator("k", "s", new ManualClock(SandboxHarness.Start)) { PathPrefix = servedUnder };
        await using var server = await KestrelSandbox.StartAsync(simulator);
        var registry = new SessionRegistry();
        try
        {
            var session = await SessionConnector.ConnectAsync(new ConnectRequest(IFlytekVendor.Id, "k", SecretText.Protect("s"))
            {
                BaseUri = new Uri(server.BaseUri, baseUriPath),
            }, registry, CancellationToken.None);

            var lines = await session.Client.GetLinesAsync(CancellationToken.None);

            Assert.Equal(expectedBasePath, session.BaseUri.AbsolutePath);
            Assert.Equal(2, lines.Count);
            Assert.Equal(new[] { servedUnder + "/oauth/v1/token", servedUnder + "/config/v1/query" }, simulator.Received.Select(r => r.Request.Path));
        }
        finally
        {
            registry.Clear();
        }
    }

    [Fact]
    public void DefaultAddress_IsTheDocumentedHostWithItsPrefix() =>
        Assert.Equal("https://www.xfyeta.com/openapi/", new IFlytekVendor().DefaultBaseUri.AbsoluteUri);
}
