using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Http;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Connect-Outbound -Proxy/-ProxyCredential, -TimeoutSec, -MaximumRetryCount and Retry-After, at the session connector.</summary>
public sealed class ProxyAndRetryTests
{
    private const string QueryPath = "/task/query";
    private static readonly CancellationToken None = CancellationToken.None;

    private static Task<SandboxHarness<IFlytekSimulator>> IFlytekAsync(Action<ConnectRequest> configure) =>
        SandboxHarness.StartAsync<IFlytekSimulator>("IFlytek", overHttp: false, configure: configure);

    [Fact]
    public async Task MaximumRetryCountZero_MakesOneAttempt()
    {
        await using var h = await IFlytekAsync(r => r.MaxRetries = 0);
        h.Simulator.Faults.RejectNext(QueryPath, 503);

        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None));

        Assert.Equal("OutboundPS.IFlytek.Http503", error.ErrorId);
        Assert.Single(h.Requests(QueryPath));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task MaximumRetryCountN_MakesNPlusOneAttempts(int retries)
    {
        await using var h = await IFlytekAsync(r => r.MaxRetries = retries);
        for (var i = 0; i <= retries; i++) h.Simulator.Faults.RejectNext(QueryPath, 429);

        await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None));

        Assert.Equal(retries + 1, h.Requests(QueryPath).Count());
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("45", 45)]
    [InlineData("600", 60)]
    public async Task RetryAfterSeconds_IsTheWaitBeforeTheNextAttempt_CappedAtSixtySeconds(string header, int seconds)
    {
        var time = new InstantTime(DateTimeOffset.UtcNow);
        await using var h = await IFlytekAsync(r => r.RetryTime = time);
        h.Simulator.Faults.RejectNext(QueryPath, 429, header);

        await h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None);

        Assert.Equal(2, h.Requests(QueryPath).Count());
        Assert.Equal(new[] { TimeSpan.FromSeconds(seconds) }, time.Waits.ToArray());
    }

    [Fact]
    public async Task RetryAfterZero_RetriesAtOnce()
    {
        var time = new InstantTime(DateTimeOffset.UtcNow);
        await using var h = await IFlytekAsync(r => r.RetryTime = time);
        h.Simulator.Faults.RejectNext(QueryPath, 503, "0");

        await h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None);

        Assert.Equal(2, h.Requests(QueryPath).Count());
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task RetryAfterHttpDate_IsWaitedUntil()
    {
        var now = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
        var time = new InstantTime(now);
        await using var h = await IFlytekAsync(r => r.RetryTime = time);
        h.Simulator.Faults.RejectNext(QueryPath, 503, now.AddSeconds(12).ToString("r", System.Globalization.CultureInfo.InvariantCulture));

        await h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None);

        Assert.Equal(new[] { TimeSpan.FromSeconds(12) }, time.Waits.ToArray());
    }

    [Fact]
    public async Task BusyWithoutRetryAfter_BacksOffAsBefore_AndTheErrorSaysWhatTheVendorAsked()
    {
        var time = new InstantTime(DateTimeOffset.UtcNow);
        await using var h = await IFlytekAsync(r =>
        {
            r.RetryTime = time;
            r.RetryDelay = TimeSpan.FromSeconds(1);
            r.MaxRetries = 1;
        });
        h.Simulator.Faults.RejectNext(QueryPath, 503);
        h.Simulator.Faults.RejectNext(QueryPath, 503, "30");

        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None));

        // The first wait is the jittered backoff from a 1 s first delay: a few seconds at most.
        var wait = Assert.Single(time.Waits);
        Assert.InRange(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));
        Assert.Contains("Retry after 30 s", error.Message);
    }

    [Theory]
    [InlineData("Wed, 21 Oct 2026 07:28:00 GMT", 0)]
    [InlineData("120", 120)]
    [InlineData("soon", null)]
    [InlineData("", null)]
    [InlineData("-5", null)]
    public void RetryAfterHeader_ReadsSecondsAndDates(string value, int? seconds)
    {
        var now = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, VendorTransport.RetryAfter(value, now));
    }

    [Fact]
    public async Task TimeoutSec_AbandonsARequestThatTakesLonger()
    {
        await using var h = await IFlytekAsync(r =>
        {
            r.Timeout = TimeSpan.FromMilliseconds(300);
            r.MaxRetries = 0;
        });
        h.Simulator.Faults.RandomFaultPath = QueryPath;
        h.Simulator.Faults.Stall = TimeSpan.FromMinutes(5);
        h.Simulator.Faults.StallRate = 1;

        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None));

        Assert.Equal("OutboundPS.IFlytek.Timeout", error.ErrorId);
    }

    [Fact]
    public async Task Proxy_CarriesEveryRequest_WithItsCredentialAfterThe407Challenge()
    {
        const string proxyUser = "proxy-user";
        const string proxyPassword = "proxy-pa55-SECRET";
        var descriptor = SimulatorCatalog.Find("IFlytek");
        var simulator = descriptor.Create(SandboxHarness.Key, SandboxHarness.Secret, new ManualClock(SandboxHarness.Start));
        await using var proxy = await FakeProxy.StartAsync(simulator, proxyUser, proxyPassword);
        var log = new CollectingLog();
        using var scope = Diagnostics.OperationLog.Use(log);
        var request = new ConnectRequest(new OutboundVendor("IFlytek"), SandboxHarness.Key, SecretText.Protect(SandboxHarness.Secret))
        {
            Name = "proxied-" + Guid.NewGuid().ToString("N"),
            // A host that resolves nowhere: only the proxy can have answered.
            BaseUri = new Uri("http://vendor.invalid/openapi/"),
            Proxy = proxy.Address,
            ProxyCredential = new NetworkCredential(proxyUser, proxyPassword),
        };
        var registry = new SessionRegistry();

        var session = await SessionConnector.ConnectAsync(request, registry, None);
        var lines = await session.Client.GetLinesAsync(None);
        registry.Clear();

        Assert.NotEmpty(lines);
        var seen = proxy.Seen.ToArray();
        Assert.All(seen, s => Assert.StartsWith("http://vendor.invalid/openapi/", s.Target));
        Assert.Null(seen[0].Authorization);
        Assert.Contains(seen, s => s.Authorization is not null && s.Target.Contains("config/v1/query"));
        Assert.DoesNotContain(log.Lines, l => l.Contains(proxyPassword));
    }

    [Fact]
    public async Task ProxyWithoutItsCredential_FailsWith407_AndSaysNothingOfTheProxyPassword()
    {
        var simulator = SimulatorCatalog.Find("IFlytek").Create(SandboxHarness.Key, SandboxHarness.Secret, new ManualClock(SandboxHarness.Start));
        await using var proxy = await FakeProxy.StartAsync(simulator, "u", "p");
        var request = new ConnectRequest(new OutboundVendor("IFlytek"), SandboxHarness.Key, SecretText.Protect(SandboxHarness.Secret))
        {
            BaseUri = new Uri("http://vendor.invalid/openapi/"),
            Proxy = proxy.Address,
            ProxyCredential = new NetworkCredential("u", "wrong-SECRET"),
            MaxRetries = 0,
        };

        var error = await Assert.ThrowsAsync<OutboundException>(() => SessionConnector.ConnectAsync(request, new SessionRegistry(), None));

        // The proxy's empty 407 reaches the token reader as an answer it cannot read.
        Assert.Equal("OutboundPS.IFlytek.UnreadableAnswer", error.ErrorId);
        Assert.Equal(OutboundErrorKind.InvalidResult, error.Kind);
        Assert.Contains("HTTP 407", error.Message);
        Assert.DoesNotContain("wrong-SECRET", error.ToString());
        var seen = proxy.Seen.ToArray();
        // Assert.All passes on nothing, so without this the test passed even when the proxy was never asked.
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.StartsWith("http://vendor.invalid/", s.Target));
        // The wrong credential reaching the proxy shows the 407 was the proxy's own refusal of it.
        var wrong = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("u:wrong-SECRET"));
        Assert.Contains(seen, s => s.Authorization == wrong);
    }

    [Theory]
    [InlineData("http://user:pass@proxy.example:8080/")]
    [InlineData("ftp://proxy.example/")]
    public async Task ProxyAddress_WithCredentialsOrNotHttp_IsRefusedBeforeAnythingIsSent(string address)
    {
        var request = new ConnectRequest(new OutboundVendor("IFlytek"), "k", SecretText.Protect("s")) { Proxy = new Uri(address) };

        var error = await Assert.ThrowsAsync<OutboundException>(() => SessionConnector.ConnectAsync(request, new SessionRegistry(), None));

        Assert.Equal("OutboundPS.InvalidArgument.Proxy", error.ErrorId);
        Assert.DoesNotContain("pass@", error.Message);
    }

    [Fact]
    public async Task ProxyCredential_WithoutProxy_IsRefused()
    {
        var request = new ConnectRequest(new OutboundVendor("IFlytek"), "k", SecretText.Protect("s")) { ProxyCredential = new NetworkCredential("u", "p") };

        var error = await Assert.ThrowsAsync<OutboundException>(() => SessionConnector.ConnectAsync(request, new SessionRegistry(), None));

        Assert.Equal("OutboundPS.InvalidArgument.ProxyCredential", error.ErrorId);
    }
}
