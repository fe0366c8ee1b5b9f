using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The signature, computed here from docs/vendors/byrobot.md#signing rather than by the production signer.</summary>
public sealed class ByRobotSignatureTests
{
    private static readonly DateTimeOffset VectorTime = new(2018, 12, 13, 1, 27, 17, TimeSpan.Zero);

    /// <summary>Base64(HMAC-SHA1(key = secret, message = appKey + "\n" + datetime)).</summary>
    private static string Documented(string appKey, string appSecret, string dateTime)
    {
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(appSecret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{appKey}\n{dateTime}")));
    }

    [Fact]
    public void DocumentedVector_HoldsForTheAlgorithmAsWritten() =>
        Assert.Equal("pf7rjw3/nL3oYNx1AP//eFufXhg=", Documented("testKey", "testSecret", "Thu, 13 Dec 2018 01:27:17 GMT"));

    [Fact]
    public async Task Client_SendsTheDocumentedDatetimeAndSign()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true, key: "testKey", secret: "testSecret",
            clientClock: () => VectorTime, arrange: s => s.SignatureClock = () => VectorTime);
        var headers = h.Last("/company/getCompanys").Request.Headers;
        Assert.Equal("testKey", headers["appkey"]);
        Assert.Equal("Thu, 13 Dec 2018 01:27:17 GMT", headers["datetime"]);
        Assert.Equal("pf7rjw3/nL3oYNx1AP//eFufXhg=", headers["sign"]);
    }

    [Fact]
    public async Task EveryAttemptIsSignedAfresh()
    {
        var now = DateTimeOffset.UtcNow;
        // Each signature reads the clock; make each read a second later so a reused signature would show.
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true, clientClock: () => now = now.AddSeconds(1));
        h.Simulator.Faults.RejectNext("/company/getPhones", 503);
        var lines = await h.Session.Client.GetLinesAsync(CancellationToken.None);

        Assert.NotEmpty(lines);
        var attempts = h.Requests("/getPhones").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.NotEqual(attempts[0].Request.Headers["datetime"], attempts[1].Request.Headers["datetime"]);
        Assert.All(attempts, a => Assert.Equal(
            Documented(SandboxHarness.Key, SandboxHarness.Secret, a.Request.Headers["datetime"]), a.Request.Headers["sign"]));
    }

    [Fact]
    public async Task WrongSecret_IsRefusedWith401_AsAClearAuthenticationError()
    {
        var error = await Assert.ThrowsAsync<OutboundException>(() => SandboxHarness.ByRobotAsync(overHttp: true, connectWith: "tampered-secret"));
        Assert.Equal("OutboundPS.ByRobot.401", error.ErrorId);
        Assert.Equal(OutboundErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("校验数据错误", error.Message);
        Assert.Contains("app key and secret", error.Message);
    }

    [Fact]
    public async Task StaleDatetime_IsRefusedWith408_NamingTheClock()
    {
        var error = await Assert.ThrowsAsync<OutboundException>(() => SandboxHarness.ByRobotAsync(overHttp: true,
            clientClock: () => DateTimeOffset.UtcNow.AddMinutes(-4)));
        Assert.Equal("OutboundPS.ByRobot.408", error.ErrorId);
        Assert.Equal(OutboundErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("时间选择不对", error.Message);
        Assert.Contains("clock", error.Message);
    }

    [Fact]
    public async Task TamperedSignHeader_IsRefusedBySandbox()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var request = new Sandbox.SimulatedRequest("GET", "/openapi/v1/company/getCompanys",
            new System.Collections.Generic.Dictionary<string, string>(),
            new System.Collections.Generic.Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["appkey"] = SandboxHarness.Key,
                ["datetime"] = DateTimeOffset.UtcNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture),
                ["sign"] = Documented(SandboxHarness.Key, SandboxHarness.Secret, "Thu, 13 Dec 2018 01:27:17 GMT"),
            }, Array.Empty<byte>());
        var answer = System.Text.Json.Nodes.JsonNode.Parse(h.Simulator.Handle(request).Body)!;
        Assert.Equal(401, (int)answer["code"]!);
    }
}
