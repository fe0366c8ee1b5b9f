using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Push;
using OutboundPS.Receiving;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sandbox.Pushes;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;
using SandboxPush = OutboundPS.Sandbox.Pushes.PushMessage;

namespace OutboundPS.Tests;

/// <summary>Receive-OutboundPush's listener over real loopback sockets: stored before acknowledged, stored once, refused when not stored.</summary>
public sealed class PushReceiverTests
{
    private const int Customers = 1000;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly int[] ByRobotStatuses = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 22 };
    private static readonly int[] YetaResults = { -1, 0, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 18, 19, 20, 22, 23, 25, 26, 27, 28 };

    private const string ByRobotCall =
        "{\"code\":200,\"data\":{\"dataType\":\"CALL_INSTANCE_RESULT\",\"data\":{\"sceneInstance\":{\"callInstanceId\":77,\"callJobId\":9," +
        "\"customerTelephone\":\"13700000001\",\"finishStatus\":0,\"duration\":35,\"startTime\":\"2019-01-12 16:09:32\"}," +
        "\"taskResult\":[{\"resultName\":\"客户意向等级\",\"resultValue\":\"C级(很少)\",\"resultValueAlias\":\"C\"}],\"jobFinished\":false," +
        "\"sign\":\"secret-signature\",\"dateTime\":\"Thu Oct 16 07:13:48 GMT 2014\"}},\"resultMsg\":\"成功\",\"errorStackTrace\":null}";

    private const string YetaRecord =
        "{\"call_uuid\":\"u-1\",\"task_id\":\"5\",\"task_data_id\":\"262381\",\"caller\":\"055196866001\",\"callee\":\"19900000001\",\"direction\":2," +
        "\"time_dial\":1527737756729,\"time_answer\":0,\"time_hangup\":1527737784829,\"duration_ring\":7,\"duration_call\":0,\"task_result\":\"3\"," +
        "\"task_tries\":0,\"task_row_index\":1,\"task_row_head\":[\"客户手机号码\"],\"task_row_value\":[\"19900000001\"]}";

    public static IEnumerable<object[]> Vendors() => new[] { new object[] { "ByRobot" }, new object[] { "IFlytek" } };

    /// <summary>
    /// The simulator's sender delivers a thousand calls' pushes by the vendor's rule while the receiver drops the
    /// connection after storing some, stores others too slowly to answer in time, and some are sent twice.
    /// </summary>
    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task AThousandCalls_ThroughDropsSlowStoresAndRepeats_AreEachStoredOnce_AndAcknowledgedOnlyOnceOnDisk(string vendor)
    {
        var durable = new ConcurrentDictionary<string, byte>();
        var gates = new ConcurrentDictionary<string, TaskCompletionSource<bool>>();
        var acknowledgedBeforeDurable = 0;
        var dropped = 0;
        var slowed = 0;
        await using var receiver = RunningReceiver.Start(options =>
        {
            options.StoreDeadline = TimeSpan.FromSeconds(1); // only the held stores reach it; a loaded machine must not
            options.PartWait = TimeSpan.MaxValue; // one record per call: every part is in by the end
            options.WrapStore = store => new HookedStore(store, durable, async key =>
            {
                if (Math.Abs(key.GetHashCode() % 31) != 7) return;
                Interlocked.Increment(ref slowed);
                // Held until the receiver has answered 503 for it: storing outlives the request's deadline.
                await gates.GetOrAdd(key, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            });
            options.DropReply = reply =>
            {
                if (reply.Status == 503 && reply.DeliveryKey is { } late && gates.TryGetValue(late, out var gate)) gate.TrySetResult(true);
                if (reply.Status != 200) return false;
                if (!durable.ContainsKey(reply.DeliveryKey!)) Interlocked.Increment(ref acknowledgedBeforeDurable);
                if (!reply.FirstDelivery || Math.Abs(reply.DeliveryKey!.GetHashCode() % 25) != 3) return false;
                Interlocked.Increment(ref dropped);
                return true;
            };
        });

        var (produced, sender) = vendor == "ByRobot" ? await ByRobotCallsAsync(receiver.Address) : await YetaCallsAsync(receiver.Address);
        using (sender)
        {
            var repeats = produced.Where((_, i) => i % 10 == 4).ToList();
            foreach (var (module, body) in repeats) sender.Send(new SandboxPush(module, body, DateTimeOffset.Now));
            await sender.DrainAsync();

            Assert.Equal((produced.Count + repeats.Count, 0), (sender.Delivered, sender.GaveUp));
            Assert.True(sender.Attempts > sender.Delivered, "some deliveries were tried again");
            Assert.True(dropped > 0 && slowed > 0 && receiver.Receiver.Repeated >= repeats.Count, $"dropped {dropped}, slowed {slowed}, repeated {receiver.Receiver.Repeated}");
        }

        await receiver.FinishAsync();

        // Every push the vendor made is in the file exactly once, as it was sent: retries and repeats are the same body again.
        var stored = receiver.Lines();
        var sent = produced.Select(p => p.Body).Distinct(StringComparer.Ordinal).OrderBy(b => b, StringComparer.Ordinal);
        Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(sent, stored.OrderBy(line => line, StringComparer.Ordinal));
        Assert.Equal(0, acknowledgedBeforeDurable);

        var calls = receiver.Written.OfType<OutboundCallRecord>().ToList();
        var storedCalls = receiver.Lines().Select(line => PushConverter.Read(line))
            .Select(m => m.Part?.CallKey ?? (m.Output as OutboundCallRecord)?.CallId).Where(id => id is not null).Distinct().ToList();
        Assert.Equal(Customers, storedCalls.Count);
        Assert.Equal(storedCalls.OrderBy(id => id), calls.Select(r => r.CallId).OrderBy(id => id));
        Assert.All(calls, r => Assert.NotNull(r.Phone));
        Assert.Contains(calls, r => r.Outcome == CallOutcome.Answered && r.Transcript is { Count: > 0 });
        if (vendor == "ByRobot") Assert.Single(receiver.Written.OfType<OutboundTask>());
    }

    [Fact]
    public async Task NotAPush_IsRefusedWith400_AndNothingIsStoredOrWritten()
    {
        await using var receiver = RunningReceiver.Start();
        using var http = new HttpClient();

        foreach (var body in new[] { "hello", "{\"dataType\":\"CALL_INSTANCE_RESULT\",\"data\":{}}", "[1,2]", "" })
        {
            var (status, reply) = await RunningReceiver.PostAsync(http, receiver.Address, body);
            Assert.Equal(400, status);
            Assert.DoesNotContain("success", reply);
        }

        await receiver.FinishAsync();
        Assert.Empty(receiver.Lines());
        Assert.Empty(receiver.Written);
    }

    [Fact]
    public async Task StoreFailure_Answers503_WritesNothing_AndTheRetryIsStored()
    {
        var failures = 1;
        await using var receiver = RunningReceiver.Start(options =>
            options.WrapStore = store => new HookedStore(store, new ConcurrentDictionary<string, byte>(),
                _ => Interlocked.Decrement(ref failures) >= 0 ? throw new IOException("There is not enough space on the disk.") : Task.CompletedTask));
        using var http = new HttpClient();

        var first = await RunningReceiver.PostAsync(http, receiver.Address, ByRobotCall);
        Assert.Equal(503, first.Status);
        Assert.NotEqual("success", first.Body);
        Assert.Empty(receiver.Lines());
        Assert.Empty(receiver.Written);

        var retry = await RunningReceiver.PostAsync(http, receiver.Address, ByRobotCall);
        Assert.Equal((200, "success"), retry);
        await receiver.FinishAsync();
        Assert.Single(receiver.Lines());
        Assert.Equal("77", Assert.IsType<OutboundCallRecord>(Assert.Single(receiver.Written)).CallId);
    }

    [Fact]
    public async Task SlowStore_Answers503_ThenTheRetryJoinsTheSameStore_AndItIsStoredOnce()
    {
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = RunningReceiver.Start(options =>
        {
            options.StoreDeadline = TimeSpan.FromMilliseconds(100);
            options.WrapStore = store => new HookedStore(store, new ConcurrentDictionary<string, byte>(), _ => release.Task);
        });
        using var http = new HttpClient();

        Assert.Equal(503, (await RunningReceiver.PostAsync(http, receiver.Address, ByRobotCall)).Status);
        Assert.Empty(receiver.Written);
        release.SetResult(true);
        Assert.Equal((200, "success"), await RunningReceiver.PostAsync(http, receiver.Address, ByRobotCall));

        await receiver.FinishAsync();
        Assert.Single(receiver.Lines());
        Assert.Single(receiver.Written);
    }

    [Fact]
    public async Task ByRobotCallback_IsAnsweredWithExactlySuccess_StoredAsOneLine_AndRedeliveriesAcknowledgedOnly()
    {
        await using var receiver = RunningReceiver.Start();
        using var http = new HttpClient();
        var indented = ByRobotCall.Replace(",", ",\r\n  ");

        // Private-cloud BYRobot posts JSON as text/plain (docs/vendors/byrobot.md#callback-delivery).
        using (var content = new StringContent(indented))
        {
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", "text/plain;charset=utf-8");
            using var reply = await http.PostAsync(receiver.Address, content);
            Assert.Equal(200, (int)reply.StatusCode);
            Assert.Equal("success", await reply.Content.ReadAsStringAsync());
            Assert.StartsWith("text/plain", reply.Content.Headers.ContentType!.ToString());
        }

        Assert.Equal((200, "success"), await RunningReceiver.PostAsync(http, receiver.Address, ByRobotCall));
        await receiver.FinishAsync();

        var line = Assert.Single(receiver.Lines());
        Assert.Equal("77", ((OutboundCallRecord)PushConverter.Read(line).Output!).CallId);
        Assert.Equal(1, receiver.Receiver.Repeated);
        Assert.Single(receiver.Written);
    }

    [Fact]
    public async Task YetaParts_AreMergedByCallUuid_AndACallMissingPartsIsWrittenAfterThePartWait()
    {
        // Long enough that both parts are in before it ends even on a loaded machine; the test waits for it once.
        await using var receiver = RunningReceiver.Start(options => options.PartWait = TimeSpan.FromSeconds(2));
        using var http = new HttpClient();
        var voice = "{\"call_uuid\":\"u-1\",\"task_data_id\":\"262381\",\"url\":\"ant/4/x.wav\",\"size\":100,\"duration\":28}";

        Assert.Equal((200, "success"), await RunningReceiver.PostAsync(http, receiver.Address, YetaRecord));
        Assert.Equal((200, "success"), await RunningReceiver.PostAsync(http, receiver.Address, voice));
        // No dialog comes for this call: the receiver stops waiting for it. Bounded at five part waits so a receiver
        // that never writes the call fails the test instead of hanging the run.
        Assert.True(SpinWait.SpinUntil(() => !receiver.Written.IsEmpty, TimeSpan.FromSeconds(10)));

        var record = Assert.IsType<OutboundCallRecord>(Assert.Single(receiver.Written));
        Assert.Equal(("u-1", "19900000001"), (record.CallId, record.Phone));
        Assert.EndsWith("ant/4/x.wav", record.RecordingUri!.ToString());
        await receiver.FinishAsync();
        Assert.Single(receiver.Written);
        Assert.Equal(2, receiver.Lines().Count);
    }

    [Fact]
    public async Task ARestartedReceiver_RecognisesPushesItsFileAlreadyHolds_AndCountStopsIt()
    {
        // An earlier run stored the callback; its last line was cut short by a crash before it was acknowledged.
        await using var receiver = RunningReceiver.Start(options => options.Count = 1, stored: ByRobotCall + "\n{\"call_uuid\":\"u-9\",\"dire");
        using var http = new HttpClient();

        Assert.Equal((200, "success"), await RunningReceiver.PostAsync(http, receiver.Address, ByRobotCall));
        Assert.Equal((200, "success"), await RunningReceiver.PostAsync(http, receiver.Address, YetaRecord));
        // -Count 1: the yeta record is still held for its other parts, so only the ending writes it. Bounded so a receiver
        // that does not stop at its count fails the test instead of hanging the run.
        await receiver.Run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, receiver.Receiver.Preloaded);
        var lines = receiver.Lines();
        Assert.Equal(3, lines.Count);
        Assert.Equal("u-1", PushConverter.Read(lines[2]).Part!.CallKey);
        Assert.Equal("u-1", Assert.IsType<OutboundCallRecord>(Assert.Single(receiver.Written)).CallId);
    }

    [Fact]
    public void Output_TakesNothingMoreOnceTheCountIsWritten_SoAReceiverWithoutAFileDoesNotAcknowledgeIt()
    {
        var written = new List<object>();
        var output = new PushOutput(new PushReceiverOptions("http://127.0.0.1:1/") { Count = 1 }, written.Add);
        var reached = 0;
        output.CountReached += () => reached++;

        Assert.True(output.Add(PushConverter.Read(ByRobotCall)));
        Assert.False(output.Add(PushConverter.Read(ByRobotCall.Replace("\"callInstanceId\":77", "\"callInstanceId\":78"))));

        Assert.Equal("77", Assert.IsType<OutboundCallRecord>(Assert.Single(written)).CallId);
        Assert.Equal(1, reached);
    }

    // ---- the simulators' pushes ----

    private static async Task<(List<(string Module, string Body)> Produced, PushSender Sender)> ByRobotCallsAsync(Uri receiver)
    {
        PushSender? sender = null;
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false, arrange: simulator =>
            simulator.PushSender = sender = new PushSender(receiver, simulator.DeliveryRule!, simulator.Clock, parallel: 16)
            {
                // BYRobot waits minutes to hours between tries; the test does not.
                Wait = (_, _) => Task.CompletedTask,
            });
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "receive", RobotId = "5001", Lines = new[] { "101" }, Concurrency = 200 }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        for (var i = 0; i < Customers; i++)
            await import.AddAsync(SandboxHarness.Row(("Phone", ByRobotSimulator.PhoneFor(ByRobotStatuses[i % ByRobotStatuses.Length], "ABCDEF"[i % 6], i)),
                ("Name", $"客户{i}"), ("金额", $"{100 + i}")), i, None);
        Assert.Equal(Customers, (await import.CompleteAsync(None)).Accepted);
        await h.Session.Client.StartTaskAsync(task.Id, None);
        await DialToTheEndAsync(h.Clock, () => h.Session.Client.GetTaskAsync(task.Id, None));
        return (h.Simulator.CallbacksOf(long.Parse(task.Id)).ToList(), sender!);
    }

    private static async Task<(List<(string Module, string Body)> Produced, PushSender Sender)> YetaCallsAsync(Uri receiver)
    {
        PushSender? sender = null;
        await using var h = await SandboxHarness.StartAsync<IFlytekSimulator>("IFlytek", overHttp: false, arrange: simulator =>
            simulator.PushSender = sender = new PushSender(receiver, simulator.DeliveryRule!, simulator.Clock, parallel: 16));
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "receive", RobotId = "720", Lines = new[] { "055169101401" } }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        for (var i = 0; i < Customers; i++)
            await import.AddAsync(SandboxHarness.Row(("客户手机号码", IFlytekSimulator.PhoneFor(YetaResults[i % YetaResults.Length], "ABCDEF"[i % 6], i)),
                ("姓名", $"客户{i}")), i, None);
        Assert.Equal(Customers, (await import.CompleteAsync(None)).Accepted);
        await h.Session.Client.StartTaskAsync(task.Id, None);
        await DialToTheEndAsync(h.Clock, () => h.Session.Client.GetTaskAsync(task.Id, None));
        return (h.Simulator.PushesOf(task.Id).ToList(), sender!);
    }

    /// <summary>Moves the simulated clock on until the task has dialled everyone (reading it is what makes the calls).</summary>
    private static async Task DialToTheEndAsync(ManualClock clock, Func<Task<OutboundTask>> read)
    {
        for (var hour = 0; hour < 48; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            var task = await read();
            if (task.Status is OutboundTaskStatus.Completed) return;
        }

        throw new InvalidOperationException("The simulated task did not finish in 48 simulated hours.");
    }

    /// <summary>The file store behind a hook that runs before each append (to hold it or fail it), noting which keys are durably stored.</summary>
    private sealed class HookedStore : IPushStore
    {
        private readonly IPushStore _inner;
        private readonly ConcurrentDictionary<string, byte> _durable;
        private readonly Func<string, Task> _before;

        internal HookedStore(IPushStore inner, ConcurrentDictionary<string, byte> durable, Func<string, Task> before)
        {
            _inner = inner;
            _durable = durable;
            _before = before;
        }

        public async Task AppendAsync(string line)
        {
            var key = PushDeliveryKey.Of(PushConverter.Read(line));
            await _before(key);
            await _inner.AppendAsync(line);
            _durable.TryAdd(key, 0);
        }

        public void Dispose() => _inner.Dispose();
    }
}
