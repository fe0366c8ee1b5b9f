using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sandbox.Pushes;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The push sender over real loopback HTTP, against a receiver that drops, stalls and double-receives.</summary>
public sealed class PushSenderLoopbackTests
{
    [Fact]
    public async Task YetaRule_DeliversAThousandRecords_ThroughDropsStallsAndFailedReplies()
    {
        var received = new ConcurrentDictionary<string, int>();
        var started = await KestrelSandbox.StartAppAsync(async context =>
        {
            using var reader = new System.IO.StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var n = int.Parse(body.Substring(5, body.Length - 6), System.Globalization.CultureInfo.InvariantCulture);
            var seen = received.AddOrUpdate(body, 1, (_, count) => count + 1);
            if (seen == 1 && n % 50 == 7) context.Abort();                              // connection dropped
            else if (seen == 1 && n % 400 == 9) await Task.Delay(TimeSpan.FromSeconds(4)); // past yeta's 3 s
            else if (seen == 1 && n % 20 == 3) await context.Response.WriteAsync("busy");  // stored, not acknowledged: comes again
            else await context.Response.WriteAsync("{\"result\":\"success\"}");
        });
        await using var app = started.App;
        var address = started.Address;

        var clock = new ManualClock(SandboxHarness.Start);
        using var sender = new PushSender(address, new IFlytekSimulator("k", "s", clock).DeliveryRule, clock, parallel: 16);
        for (var i = 0; i < 1000; i++) sender.Send(new PushMessage("receiveCallRecord", "{\"n\":" + i + "}", clock.Now));
        await sender.DrainAsync();

        var dropped = Enumerable.Range(0, 1000).Count(n => n % 50 == 7);
        var stalled = Enumerable.Range(0, 1000).Count(n => n % 50 != 7 && n % 400 == 9);
        var refused = Enumerable.Range(0, 1000).Count(n => n % 50 != 7 && n % 400 != 9 && n % 20 == 3);
        Assert.Equal((1000, 0), (sender.Delivered, sender.GaveUp));
        Assert.Equal(1000 + dropped + stalled + refused, sender.Attempts);
        Assert.Equal(1000, received.Count);
        Assert.Equal(dropped + stalled + refused, received.Values.Count(c => c == 2));
        await app.StopAsync();
    }
}
