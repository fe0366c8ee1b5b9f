using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Http;
using OutboundPS.Tests.Support;
using RestSharp;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Request lines in the verbose log, and answers quoted in errors, never carry a secret, whether or not the vendor's descriptor lists it.</summary>
public sealed class TransportRedactionTests
{
    private sealed class Answers200 : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
    }

    private static async Task<string> LoggedLine(string[] declared, params (string Name, string Value)[] query)
    {
        var log = new CollectingLog();
        using var _ = Diagnostics.OperationLog.Use(log);
        using var transport = new VendorTransport(new OutboundVendor("Probe"), new TransportOptions { Handler = new Answers200(), SecretNames = declared });
        var request = new RestRequest("probe");
        foreach (var (name, value) in query) request.AddQueryParameter(name, value);
        await transport.SendAsync(request, "probe", CancellationToken.None);
        return Assert.Single(log.Lines);
    }

    [Fact]
    public async Task TokenSignAndAppSecret_AreRedacted_WhenTheVendorDeclaresNone()
    {
        var line = await LoggedLine(Array.Empty<string>(), ("token", "T-1"), ("SIGN", "S-1"), ("app_secret", "A-1"), ("page", "2"));

        Assert.DoesNotContain(new[] { "T-1", "S-1", "A-1" }, line.Contains);
        Assert.Equal(3, line.Split("<redacted>").Length - 1);
        Assert.Contains("page=2", line);
    }

    [Fact]
    public async Task NamesTheVendorDeclares_AreRedactedToo()
    {
        var line = await LoggedLine(new[] { "key" }, ("key", "K-1"));

        Assert.DoesNotContain("K-1", line);
        Assert.Contains("key=<redacted>", line);
    }

    [Fact]
    public void UnreadableAnswer_QuotesTheBody_WithoutItsSecrets()
    {
        // An answer with a token but no code, cut mid-value by the 200-byte preview.
        var body = "{\"result\":{\"token\":\"T-ABC\",\"Sign\" : \"S-1\",\"expires_in\":7200},\"note\":\"" + new string('x', 103) + "\",\"app_secret\":\"A-1234567890\"}";
        var error = OutboundErrors.UnreadableAnswer(new OutboundVendor("Probe"), "oauth/token", 200, new RawResponse(200, System.Text.Encoding.UTF8.GetBytes(body)).Preview());

        Assert.DoesNotContain(new[] { "T-ABC", "S-1", "A-1" }, error.Message.Contains);
        Assert.Contains("\"expires_in\":7200", error.Message);
    }
}
