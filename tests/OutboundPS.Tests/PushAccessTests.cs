using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Diagnostics;
using OutboundPS.Receiving;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// Who may push to Receive-OutboundPush, where, and for how long a connection may take: the allow-list (-AllowedAddress),
/// the path token, and the request timeout, over real loopback sockets. Linux routes all of 127.0.0.0/8 to loopback, so
/// a client bound to 127.0.0.2 is another peer than 127.0.0.1.
/// </summary>
public sealed class PushAccessTests
{
    private const string ByRobotCall =
        "{\"code\":200,\"data\":{\"dataType\":\"CALL_INSTANCE_RESULT\",\"data\":{\"sceneInstance\":{\"callInstanceId\":77,\"callJobId\":9," +
        "\"customerTelephone\":\"13700000001\",\"finishStatus\":0,\"duration\":35,\"startTime\":\"2019-01-12 16:09:32\"}," +
        "\"taskResult\":[],\"jobFinished\":false,\"sign\":null,\"dateTime\":\"Thu Oct 16 07:13:48 GMT 2014\"}},\"resultMsg\":\"成功\",\"errorStackTrace\":null}";

    private static string CallBody(int callId) => ByRobotCall.Replace("\"callInstanceId\":77", "\"callInstanceId\":" + callId);

    // ---- -AllowedAddress ----

    [Theory]
    // BYRobot's documented sender (docs/vendors/byrobot.md#callback-delivery) and nothing next to it.
    [InlineData("ByRobot", "120.55.46.3", true)]
    [InlineData("ByRobot", "120.55.46.4", false)]
    [InlineData("byrobot", "120.55.46.3", true)]
    [InlineData("120.55.46.3", "120.55.46.3", true)]
    [InlineData("10.0.0.0/8", "10.255.0.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.1.0/25", "192.168.1.127", true)]
    [InlineData("192.168.1.0/25", "192.168.1.128", false)]
    [InlineData("10.1.2.3/8", "10.9.9.9", true)] // host bits past the prefix are ignored
    [InlineData("0.0.0.0/0", "203.0.113.9", true)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8::10", "2001:db8::10", true)]
    [InlineData("2001:db8::10", "2001:db8::11", false)]
    // An IPv4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d and is judged as IPv4.
    [InlineData("127.0.0.1", "::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.1.1", true)]
    [InlineData("10.0.0.0/8", "::ffff:11.1.1.1", false)]
    [InlineData("::ffff:120.55.46.3", "120.55.46.3", true)]
    [InlineData("Loopback", "127.5.5.5", true)]
    [InlineData("Loopback", "::1", true)]
    [InlineData("Loopback", "10.0.0.1", false)]
    [InlineData("Any", "203.0.113.9", true)]
    [InlineData("Any", "2001:db8::1", true)]
    [InlineData("ByRobot, 10.0.0.0/8", "10.0.0.1", true)]
    [InlineData("ByRobot, 10.0.0.0/8", "120.55.46.3", true)]
    public void AllowedAddress_AdmitsAddressesAndRanges(string allowed, string peer, bool admitted) =>
        Assert.Equal(admitted, AllowedPeers.Parse(new[] { allowed }).Admits(IPAddress.Parse(peer)));

    [Fact]
    public void NoAllowedAddress_AdmitsThisMachineOnly()
    {
        Assert.True(AllowedPeers.Loopback.Admits(IPAddress.Parse("127.0.0.1")));
        Assert.True(AllowedPeers.Loopback.Admits(IPAddress.IPv6Loopback));
        Assert.False(AllowedPeers.Loopback.Admits(IPAddress.Parse("120.55.46.3")));
        Assert.False(AllowedPeers.Loopback.Admits(IPAddress.Parse("192.168.0.10")));
    }

    [Theory]
    [InlineData("10.1")] // IPAddress.TryParse alone reads 10.0.0.1
    [InlineData("1")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.4/33")]
    [InlineData("::/129")]
    [InlineData("1.2.3.4/")]
    [InlineData("1.2.3.4/-1")]
    [InlineData("1.2.3.4/x")]
    [InlineData("byrobot.com")]
    [InlineData("fe80::1%eth0")]
    [InlineData("")]
    [InlineData(" , ")]
    public void AllowedAddress_NoAddressRangeOrShorthand_IsRefusedNamingTheParameterTheValueAndTheFix(string value)
    {
        var error = Assert.Throws<OutboundException>(() => AllowedPeers.Parse(new[] { "ByRobot", value }));
        Assert.Equal("OutboundPS.InvalidArgument.AllowedAddress", error.ErrorId);
        Assert.Equal(OutboundErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("-AllowedAddress", error.Message);
        Assert.Contains("'" + value.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), error.Message);
        Assert.Contains("CIDR", error.RecommendedAction);
        Assert.Contains("ByRobot", error.RecommendedAction);
        Assert.Contains("Any", error.RecommendedAction);
    }

    // ---- the push path ----

    [Fact]
    public void Port_ListensOnEveryAddress_UnderANewRandomToken()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => ListenPrefix.Parse(ListenPrefix.ForPort(8080))).ToList();
        Assert.All(tokens, p => Assert.Equal(new[] { IPAddress.IPv6Any }, p.Addresses));
        Assert.All(tokens, p => Assert.Matches("^/[a-z2-7]{26}/$", p.Path));
        Assert.Equal(tokens.Count, tokens.Select(p => p.Path).Distinct().Count());
        // Each character of a token is one of 32 with equal chance: all of them turn up across 50 tokens.
        Assert.Equal(32, tokens.SelectMany(p => p.Path.Trim('/')).Distinct().Count());
    }

    [Theory]
    [InlineData("/abc/", true)]
    [InlineData("/ABC/", true)] // compared without regard to case, as HttpListener did
    [InlineData("/abc", true)]
    [InlineData("/abc/byrobot", true)]
    [InlineData("/", false)]
    [InlineData("/ab/", false)]
    [InlineData("/abd/", false)]
    [InlineData("/abcd/", false)]
    [InlineData("/x/abc/", false)]
    public void ThePushPath_AndBelowIt_Match(string requestPath, bool matches) =>
        Assert.Equal(matches, ListenPrefix.Parse("http://+:8080/abc/").Matches(requestPath));

    [Theory]
    [InlineData("http://+:8080/x/", 8080, "/x/", "::")]
    [InlineData("http://*:8080/", 8080, "/", "::")]
    [InlineData("http://localhost:9000/push/", 9000, "/push/", "127.0.0.1 ::1")]
    [InlineData("http://127.0.0.1:0/push/", 0, "/push/", "127.0.0.1")]
    [InlineData("http://[::1]:8080/a/b/", 8080, "/a/b/", "::1")]
    [InlineData("HTTP://outbound.example.com/cb/", 80, "/cb/", "::")]
    public void Prefix_IsReadInHttpListenersForm(string prefix, int port, string path, string addresses)
    {
        var parsed = ListenPrefix.Parse(prefix);
        Assert.Equal((port, path, addresses), (parsed.Port, parsed.Path, string.Join(" ", parsed.Addresses.Select(a => a.ToString()))));
    }

    [Theory]
    [InlineData("https://+:8443/x/", "reverse proxy")]
    [InlineData("http://+:8080/x", "end in '/'")]
    [InlineData("http://+:8080", "end in '/'")]
    [InlineData("ftp://+:8080/", "http://")]
    [InlineData("http://+:99999/", "99999")]
    [InlineData("http://+:8080/a b/", "path")]
    [InlineData("http://+:8080/a/../b/", "path")]
    [InlineData("http://ex ample:8080/", "host")]
    public void Prefix_ThatCannotBeListenedOn_IsRefusedBeforeListening(string prefix, string named)
    {
        var error = Assert.Throws<OutboundException>(() => ListenPrefix.Parse(prefix));
        Assert.Equal("OutboundPS.ListenFailed", error.ErrorId);
        Assert.Contains(named, error.Message);
    }

    // ---- over sockets ----

    [Fact]
    public async Task APeerOutsideTheAllowList_Gets403_AndItsPushIsNeitherStoredNorWritten()
    {
        await using var receiver = RunningReceiver.Start(options => options.AllowedPeers = AllowedPeers.Parse(new[] { "127.0.0.1" }));
        using var stranger = ClientFrom("127.0.0.2");
        using var allowed = ClientFrom("127.0.0.1");

        var refused = await RunningReceiver.PostAsync(stranger, receiver.Address, CallBody(501));
        Assert.Equal(403, refused.Status);
        Assert.DoesNotContain("success", refused.Body);
        Assert.Equal((200, "success"), await RunningReceiver.PostAsync(allowed, receiver.Address, CallBody(502)));

        await receiver.FinishAsync();
        Assert.Equal("502", Assert.IsType<OutboundCallRecord>(Assert.Single(receiver.Written)).CallId);
        Assert.DoesNotContain("501", Assert.Single(receiver.Lines()));
        Assert.Equal((1, 1, 0), (receiver.Receiver.Forbidden, receiver.Receiver.Stored, receiver.Receiver.Refused));
    }

    [Fact]
    public async Task AnAllowListWithoutThisMachine_RefusesLoopback()
    {
        await using var receiver = RunningReceiver.Start(options => options.AllowedPeers = AllowedPeers.Parse(new[] { "10.1.2.3", "ByRobot" }));
        using var http = new HttpClient();

        Assert.Equal(403, (await RunningReceiver.PostAsync(http, receiver.Address, CallBody(1))).Status);
        await receiver.FinishAsync();
        Assert.Empty(receiver.Lines());
        Assert.Empty(receiver.Written);
    }

    [Fact]
    public async Task IPv6Peers_AreJudgedByTheirOwnAddress()
    {
        if (!Socket.OSSupportsIPv6 || !CanBind(IPAddress.IPv6Loopback)) return; // no IPv6 loopback on this machine: nothing to judge
        // localhost listens on 127.0.0.1 and ::1.
        await using (var v4Only = RunningReceiver.Start(options => options.AllowedPeers = AllowedPeers.Parse(new[] { "127.0.0.1" }), prefix: "http://localhost:0/push/"))
        {
            using var http = new HttpClient();
            var v6 = new UriBuilder(v4Only.Address) { Host = "[::1]" }.Uri;
            Assert.Equal(403, (await RunningReceiver.PostAsync(http, v6, CallBody(1))).Status);
            Assert.Equal(200, (await RunningReceiver.PostAsync(http, new UriBuilder(v4Only.Address) { Host = "127.0.0.1" }.Uri, CallBody(2))).Status);
        }

        await using var v6Only = RunningReceiver.Start(options => options.AllowedPeers = AllowedPeers.Parse(new[] { "::1" }), prefix: "http://[::1]:0/push/");
        using var client = new HttpClient();
        Assert.Equal((200, "success"), await RunningReceiver.PostAsync(client, v6Only.Address, CallBody(3)));
    }

    [Fact]
    public async Task ARequestToAnotherPath_Gets404_AndTheMessagesNeverShowThePushPath()
    {
        var token = ListenPrefix.NewToken();
        var log = new CollectingLog();
        RunningReceiver receiver;
        using (OperationLog.Use(log)) receiver = RunningReceiver.Start(prefix: $"http://127.0.0.1:0/{token}/");
        await using (receiver)
        {
            using var http = new HttpClient();
            var root = new Uri(receiver.Address, "/");
            Assert.Equal(404, (await RunningReceiver.PostAsync(http, root, CallBody(1))).Status);
            Assert.Equal(404, (await RunningReceiver.PostAsync(http, new Uri(root, "/" + token.Substring(0, 25) + "/"), CallBody(1))).Status);
            // Refusals and stored pushes on the push path itself: their messages hide it.
            Assert.Equal(400, (await RunningReceiver.PostAsync(http, receiver.Address, "not json")).Status);
            using (var get = await http.GetAsync(receiver.Address)) Assert.Equal(405, (int)get.StatusCode);
            Assert.Equal((200, "success"), await RunningReceiver.PostAsync(http, new Uri(receiver.Address, "byrobot"), CallBody(2)));
            await receiver.FinishAsync();

            Assert.Equal("2", Assert.IsType<OutboundCallRecord>(Assert.Single(receiver.Written)).CallId);
            Assert.Equal(4, receiver.Receiver.Refused); // two 404s, a 400 and a 405
            var lines = log.Lines.ToList();
            Assert.Contains(lines, l => l.Contains("(404)"));
            Assert.Contains(lines, l => l.Contains("(405)"));
            Assert.Contains(lines, l => l.Contains("stored"));
            Assert.Contains(lines, l => l.StartsWith("VERBOSE: Stopped listening", StringComparison.Ordinal));
            // The start line is the one that tells the address; no other shows the token, or a part of it.
            Assert.StartsWith("VERBOSE: Listening on ", Assert.Single(lines, l => l.Contains(token.Substring(0, 8))));
        }
    }

    [Fact]
    public async Task IdleAndSlowConnections_DoNotDelayPushes_AndAreCutOffAfterTheRequestTimeout()
    {
        var timeout = TimeSpan.FromSeconds(5);
        await using var receiver = RunningReceiver.Start(options => options.RequestTimeout = timeout);
        var address = receiver.Address;
        var opened = Stopwatch.StartNew();
        var idle = Enumerable.Range(0, 200).Select(_ => Connect(address)).ToList();
        // A head begun and never ended; a body promised and never sent.
        var slowHeads = Enumerable.Range(0, 5).Select(_ => Connect(address, "POST /push/ HTTP/1.1\r\nHost: x\r\nContent-Le")).ToList();
        var slowBodies = Enumerable.Range(0, 70).Select(_ =>
            Connect(address, "POST /push/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{\"code\":")).ToList();
        var held = idle.Concat(slowHeads).Concat(slowBodies).ToList();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 });
            var slowest = TimeSpan.Zero;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async sender =>
            {
                for (var i = sender; i < 400; i += 16)
                {
                    var clock = Stopwatch.StartNew();
                    Assert.Equal((200, "success"), await RunningReceiver.PostAsync(http, address, CallBody(1000 + i)));
                    lock (held) slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                }
            }));
            Assert.True(opened.Elapsed < timeout, $"the pushes took {opened.Elapsed}, past the request timeout: the held connections were not yet cut");
            Assert.True(slowest < TimeSpan.FromSeconds(2), $"a push took {slowest.TotalMilliseconds:0} ms to be acknowledged");
            Assert.Equal(400, receiver.Lines().Count);

            // Every held connection is closed by the receiver once the timeout has passed, none much before.
            Assert.All(held, socket => Assert.False(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0, "a held connection was closed before the timeout"));
            var deadline = timeout + TimeSpan.FromSeconds(5);
            while (opened.Elapsed < deadline && !held.All(Closed)) await Task.Delay(100);
            Assert.All(held, socket => Assert.True(Closed(socket), "a held connection is still open after the request timeout"));
            Assert.True(opened.Elapsed >= timeout);
        }
        finally
        {
            foreach (var socket in held) socket.Dispose();
        }

        await receiver.FinishAsync();
        Assert.Equal(held.Count, receiver.Receiver.CutOff);
        Assert.Equal(400, receiver.Receiver.Stored);
    }

    [Fact]
    public async Task Stopping_DoesNotWaitForABodyStillArriving_ButAnswersAPushBeingStored()
    {
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = RunningReceiver.Start(options =>
            options.WrapStore = store => new GatedStore(store, entered, release.Task));
        using var slowBody = Connect(receiver.Address, "POST /push/ HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n{\"code\":");
        using var http = new HttpClient();
        var storing = RunningReceiver.PostAsync(http, receiver.Address, CallBody(7));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        receiver.Receiver.Finish();
        release.SetResult(true);
        Assert.Equal((200, "success"), await storing);
        await receiver.Run.WaitAsync(TimeSpan.FromSeconds(30));
        // Far less than the 10 s a body has to arrive: the slow one was closed, not waited for.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed}");
        Assert.True(Closed(slowBody));
        Assert.Single(receiver.Lines());
    }

    [Fact]
    public async Task ChunkedBodies_ExpectContinue_AndPipelinedRequests_AreServed()
    {
        await using var receiver = RunningReceiver.Start();
        using var socket = Connect(receiver.Address);
        using var stream = new NetworkStream(socket);
        var body = Encoding.UTF8.GetBytes(CallBody(11));
        var head = "POST /push/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        Assert.StartsWith("HTTP/1.1 100 Continue\r\n\r\n", await ReadAsync(stream, "\r\n\r\n"));
        var chunked = new MemoryStream();
        foreach (var part in new[] { body.Take(10).ToArray(), body.Skip(10).ToArray() })
        {
            chunked.Write(Encoding.ASCII.GetBytes(part.Length.ToString("x") + ";ext=1\r\n"));
            chunked.Write(part);
            chunked.Write("\r\n"u8);
        }

        chunked.Write("0\r\nTrailer: x\r\n\r\n"u8);
        // A second request in the same write, after the first.
        chunked.Write(Encoding.UTF8.GetBytes($"POST /push/ HTTP/1.1\r\nHost: x\r\nContent-Length: {Encoding.UTF8.GetByteCount(CallBody(12))}\r\nConnection: close\r\n\r\n{CallBody(12)}"));
        await stream.WriteAsync(chunked.ToArray());
        var replies = await ReadAsync(stream, null);
        Assert.Equal(2, CountOf(replies, "HTTP/1.1 200 OK"));
        Assert.Equal(2, CountOf(replies, "\r\n\r\nsuccess"));

        await receiver.FinishAsync();
        Assert.Equal(new[] { "11", "12" }, receiver.Written.OfType<OutboundCallRecord>().Select(r => r.CallId));
    }

    [Fact]
    public async Task ABodyDeclaredTooLarge_Gets413_BeforeItIsSent()
    {
        await using var receiver = RunningReceiver.Start(options => options.MaxBodyBytes = 1000);
        using var socket = Connect(receiver.Address, "POST /push/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
        using var stream = new NetworkStream(socket);
        Assert.StartsWith("HTTP/1.1 413 ", await ReadAsync(stream, null));
        await receiver.FinishAsync();
        Assert.Equal(1, receiver.Receiver.Refused);
    }

    [Fact]
    public void ThePushFunctionExample_KeepsItsFunctionKey()
    {
        // docs/examples/push-function takes pushes on Azure Functions: the function key in its URL is its path token.
        var folder = Path.Combine(ModuleMetadata.Root, "docs", "examples", "push-function");
        using var binding = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json")));
        var trigger = Assert.Single(binding.RootElement.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal("function", trigger.GetProperty("authLevel").GetString());
        Assert.Contains("?code=<function key>", File.ReadAllText(Path.Combine(folder, "run.ps1")));
    }

    // ---- helpers ----

    /// <summary>An HttpClient whose connections leave from a given loopback address.</summary>
    private static HttpClient ClientFrom(string local) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, token) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(local), 0));
            await socket.ConnectAsync(context.DnsEndPoint, token);
            return new NetworkStream(socket, ownsSocket: true);
        },
    });

    private static Socket Connect(Uri address, string? send = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, address.Port);
        if (send is not null) socket.Send(Encoding.ASCII.GetBytes(send));
        return socket;
    }

    /// <summary>Closed by the other end: readable with nothing to read, or reset.</summary>
    private static bool Closed(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Receive(new byte[1], SocketFlags.Peek) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>What the stream sends until <paramref name="until"/> appears, or (null) until it ends; at most 10 s.</summary>
    private static async Task<string> ReadAsync(Stream stream, string? until)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (until is null || !text.ToString().Contains(until))
        {
            var read = await stream.ReadAsync(buffer, limit.Token);
            if (read == 0) break;
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    /// <summary>The file store behind a gate: each append says it began, then waits for the gate to open.</summary>
    private sealed class GatedStore : IPushStore
    {
        private readonly IPushStore _inner;
        private readonly TaskCompletionSource<bool> _entered;
        private readonly Task _gate;

        internal GatedStore(IPushStore inner, TaskCompletionSource<bool> entered, Task gate)
        {
            _inner = inner;
            _entered = entered;
            _gate = gate;
        }

        public async Task AppendAsync(string line)
        {
            _entered.TrySetResult(true);
            await _gate;
            await _inner.AppendAsync(line);
        }

        public void Dispose() => _inner.Dispose();
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty).Length) / part.Length;

    private static bool CanBind(IPAddress address)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
