using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Results;
using OutboundPS.Sandbox;
using OutboundPS.Sessions;
using OutboundPS.Tasks;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// The campaign loop on each vendor's sandbox: import, start, wait, read every customer's record, and import the
/// unanswered into a recall task straight from the records.
/// </summary>
public sealed class RecallScenarioTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("ByRobot", "5001", "101")]
    [InlineData("IFlytek", "719", "055169101401")]
    public async Task EveryCustomer_HasARecord_AndTheUnansweredGoIntoARecallTask(string vendor, string robotId, string lineId)
    {
        SimulatorBase simulator = null!;
        await using var h = await SandboxHarness.StartAsync<SimulatorBase>(vendor, overHttp: false, arrange: s => simulator = s,
            configure: request => request.SandboxPushes = taskId => simulator.KeptPushesOf(taskId) ?? Array.Empty<string>());
        var client = h.Session.Client;
        var phones = Enumerable.Range(0, 40).Select(i => $"1370000{i * 7:0000}").ToArray();
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "campaign", RobotId = robotId, Lines = new[] { lineId } }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        for (var i = 0; i < phones.Length; i++)
            await import.AddAsync(SandboxHarness.Row(("手机号码", phones[i]), ("姓名", $"客户{i}"), ("金额", $"{500 + i}")), i, None);
        Assert.Equal(phones.Length, (await import.CompleteAsync(None)).Accepted);
        await client.StartTaskAsync(task.Id, None);
        var done = await new TaskWaiter((span, _) =>
        {
            h.Clock.Advance(span);
            return Task.CompletedTask;
        }, () => TimeSpan.Zero).WaitAsync(client, task.Id, null, TimeSpan.FromHours(2), _ => { }, None);
        Assert.Equal(OutboundTaskStatus.Completed, done!.Status);

        var records = new List<OutboundCallRecord>();
        using (var stream = CallRecordReads.Open(h.Session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id)) { IncludeTranscript = true }, None))
            while (await stream.NextAsync() is { } batch) records.AddRange(batch);

        Assert.Equal(phones.OrderBy(p => p), records.Select(r => r.Phone).OrderBy(p => p));
        Assert.All(records, r => Assert.Equal(DiallingProgress.Answers(r.Phone!), r.Outcome == CallOutcome.Answered));
        Assert.All(records, r => Assert.Equal($"{500 + Array.IndexOf(phones, r.Phone)}", r.Variables["金额"]));
        var unanswered = records.Where(r => r.Outcome is not CallOutcome.Answered).ToArray();
        Assert.NotEmpty(unanswered);

        var recall = await client.CreateTaskAsync(new NewTaskSpec { Name = "recall", RobotId = robotId, Lines = new[] { lineId } }, None);
        var again = new CustomerImport(h.Session, recall.Id, new ImportOptions());
        for (var i = 0; i < unanswered.Length; i++) await again.AddAsync(new CallRecordInputRow(unanswered[i]), unanswered[i], None);
        var reimported = await again.CompleteAsync(None);

        Assert.Equal((unanswered.Length, 0), (reimported.Accepted, reimported.Rejected + reimported.Failed));
        Assert.Equal(unanswered.Select(r => r.Phone).OrderBy(p => p), simulator.PhonesOf(recall.Id).OrderBy(p => p));
    }

    [Fact]
    public async Task ByRobot_ARecallFromTheListWithoutVariables_ReadsEachRecordsVariablesOnce_AsItReachesTheImport()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: true);
        var client = h.Session.Client;
        var phones = Enumerable.Range(0, 30).Select(i => $"1370000{i * 7:0000}").ToArray();
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "campaign", RobotId = "5001", Lines = new[] { "101" } }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        for (var i = 0; i < phones.Length; i++)
            await import.AddAsync(SandboxHarness.Row(("手机号码", phones[i]), ("姓名", $"客户{i}"), ("金额", $"{500 + i}")), i, None);
        await import.CompleteAsync(None);
        await client.StartTaskAsync(task.Id, None);
        await new TaskWaiter((span, _) =>
        {
            h.Clock.Advance(span);
            return Task.CompletedTask;
        }, () => TimeSpan.Zero).WaitAsync(client, task.Id, null, TimeSpan.FromHours(2), _ => { }, None);

        var recall = await client.CreateTaskAsync(new NewTaskSpec { Name = "recall", RobotId = "5001", Lines = new[] { "101" } }, None);
        var again = new CustomerImport(h.Session, recall.Id, new ImportOptions { KeepRows = true });
        var unanswered = 0;
        var filter = new CallRecordFilter(task.Id) { Outcome = new[] { CallOutcome.NoAnswer, CallOutcome.Busy, CallOutcome.PoweredOff, CallOutcome.Rejected, CallOutcome.Unreachable } };
        using (var stream = CallRecordReads.Open(h.Session, new CallRecordQuery(CallRecordSource.Finished, filter) { ThrottleLimit = 4 }, None))
        {
            while (await stream.NextAsync() is { } batch)
            {
                foreach (var record in batch)
                {
                    // The list itself carries no variables (docs/vendors/byrobot.md: queryDoneTaskPhones).
                    Assert.Empty(record.Variables);
                    await again.AddAsync(new CallRecordInputRow(record), record, None);
                    unanswered++;
                }
            }
        }

        var reimported = await again.CompleteAsync(None);
        Assert.True(unanswered > 0);
        Assert.Equal((unanswered, 0), (reimported.Accepted, reimported.Rejected + reimported.Failed));
        // Each recalled customer's amount, as first imported, reached the recall task.
        var sent = h.Requests("/task/importTaskCustomer").Where(r => $"{(long)r.Body!["taskId"]!}" == recall.Id)
            .SelectMany(r => r.Body!["customerInfoList"]!.AsArray()).ToList();
        Assert.Equal(unanswered, sent.Count);
        Assert.All(sent, c => Assert.Equal($"{500 + Array.IndexOf(phones, (string?)c!["phone"])}", (string?)c!["properties"]!["金额"]));
        // One call detail per recalled record: read ahead, never twice.
        Assert.Equal(unanswered, h.Requests("/task/phoneLogInfo").Count());
    }

    [Fact]
    public async Task ByRobot_ARecallThroughAFilter_KeepsReadingAhead_ThrottleLimitAtATime()
    {
        // In process, each call detail (phoneLogInfo) counted while it is in flight.
        var clock = new ManualClock(SandboxHarness.Start);
        var simulator = SimulatorCatalog.Find("ByRobot").Create(SandboxHarness.Key, SandboxHarness.Secret, clock);
        var details = new DetailsInFlight(new SandboxHandler(simulator));
        var session = await SessionConnector.ConnectAsync(new ConnectRequest(new OutboundVendor("ByRobot"), SandboxHarness.Key, SecretText.Protect(SandboxHarness.Secret))
        {
            Name = "test-" + Guid.NewGuid().ToString("N"), SandboxHandler = details,
        }, SandboxConnection.Registry, None);
        try
        {
            var client = session.Client;
            var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "campaign", RobotId = "5001", Lines = new[] { "101" }, Concurrency = 1000 }, None);
            var import = new CustomerImport(session, task.Id, new ImportOptions());
            for (var i = 0; i < 120; i++)
                await import.AddAsync(SandboxHarness.Row(("手机号码", $"1370000{i:0000}"), ("姓名", $"客户{i}"), ("金额", $"{500 + i}")), i, None);
            await import.CompleteAsync(None);
            await client.StartTaskAsync(task.Id, None);
            await new TaskWaiter((span, _) =>
            {
                clock.Advance(span);
                return Task.CompletedTask;
            }, () => TimeSpan.Zero).WaitAsync(client, task.Id, null, TimeSpan.FromHours(2), _ => { }, None);

            // As `Get-OutboundCallRecord | Where-Object { ... } | Import-OutboundCustomer`: every other record is dropped
            // before the import, though the records ahead of the one imported were read along with it.
            simulator.Faults.Latency = TimeSpan.FromMilliseconds(20);
            var recall = await client.CreateTaskAsync(new NewTaskSpec { Name = "recall", RobotId = "5001", Lines = new[] { "101" } }, None);
            var again = new CustomerImport(session, recall.Id, new ImportOptions());
            var pages = 0;
            using (var stream = CallRecordReads.Open(session, new CallRecordQuery(CallRecordSource.Finished, new CallRecordFilter(task.Id)) { ThrottleLimit = 4 }, None))
            {
                while (await stream.NextAsync() is { } page)
                {
                    // From the second page on: the first page's dropped records must not have taken the places for good.
                    if (++pages == 2) details.Reset();
                    for (var i = 0; i < page.Count; i += 2) await again.AddAsync(new CallRecordInputRow(page[i]), page[i], None);
                }
            }

            var result = await again.CompleteAsync(None);
            Assert.Equal(3, pages);
            Assert.Equal((60L, 0L), (result.Accepted, result.Rejected + result.Failed));
            Assert.InRange(details.MaxInFlight, 2, 4);
        }
        finally
        {
            SandboxConnection.Registry.Remove(session);
        }
    }

    [Fact]
    public void ARecord_BindsAsItsPhoneNameAndVariables_Only()
    {
        var record = new OutboundCallRecord(new OutboundVendor("ByRobot"))
        {
            Phone = "13700000007", Name = "客户1", CallId = "9", Outcome = CallOutcome.Busy,
            Variables = new Dictionary<string, string> { ["金额"] = "501", ["phone"] = "ignored" },
        };
        var row = new CallRecordInputRow(record);

        Assert.Equal(new[] { "Phone", "Name", "金额" }, row.PropertyNames);
        Assert.Equal(("13700000007", "客户1", "501"), (row.GetValue("phone"), row.GetValue("NAME"), row.GetValue("金额")));
        Assert.Null(row.GetValue("Outcome"));
        var columns = CustomerColumnDetector.Detect(row.PropertyNames, null, null, null);
        Assert.Equal(("Phone", "Name"), (columns.PhoneColumn, columns.NameColumn));
        Assert.Equal(new[] { "金额" }, columns.Variables);

        record.Variables = new Dictionary<string, string> { ["姓名"] = "客户1", ["金额"] = "501" };
        var withNameColumn = new CallRecordInputRow(record);
        Assert.Equal(new[] { "Phone", "姓名", "金额" }, withNameColumn.PropertyNames);
        Assert.Equal("姓名", CustomerColumnDetector.Detect(withNameColumn.PropertyNames, null, null, null).NameColumn);
    }

    /// <summary>Counts the call details (phoneLogInfo) in flight at once.</summary>
    private sealed class DetailsInFlight : System.Net.Http.DelegatingHandler
    {
        private int _inFlight;
        private int _max;

        internal DetailsInFlight(System.Net.Http.HttpMessageHandler inner) : base(inner)
        {
        }

        internal int MaxInFlight => Volatile.Read(ref _max);

        internal void Reset() => Volatile.Write(ref _max, 0);

        protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/task/phoneLogInfo", StringComparison.Ordinal)) return await base.SendAsync(request, cancellationToken);
            var open = Interlocked.Increment(ref _inFlight);
            int max;
            while (open > (max = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, open, max) != max)
            {
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
