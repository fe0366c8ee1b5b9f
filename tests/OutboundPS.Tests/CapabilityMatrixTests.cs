using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.ByRobot;
using OutboundPS.IFlytek;
using OutboundPS.Import;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The capability table (docs/design.md#adding-a-vendor): each operation works, or gives NotImplemented exactly where the vendor declares it lacks it.</summary>
public sealed class CapabilityMatrixTests
{
    private static readonly string[] Operations = { "Lines", "Robots", "New", "Get", "List", "Set", "Start", "Suspend", "Stop", "Remove", "Import", "Call", "Records", "FailedPushes", "Seats", "SmsTemplates", "Blocklists" };

    /// <summary>Every vendor found, every operation: the vendor's own capability table says which it lacks.</summary>
    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var vendor in VendorCatalog.All)
            foreach (var operation in Operations)
                data.Add(vendor.Vendor.Key, operation);
        return data;
    }

    [Fact]
    public void CapabilityTables_AreWhatTheProductDocumentsForTheShippedVendors()
    {
        Assert.Equal(new[] { VendorOperation.UpdateTask, VendorOperation.StopTask, VendorOperation.ReadCallRecords, VendorOperation.ReadSeats, VendorOperation.ReadSmsTemplates,
            VendorOperation.Blocklists }, VendorCatalog.Find(IFlytekVendor.Id).MissingOperations.Keys.OrderBy(o => o));
        Assert.Equal(new[] { VendorOperation.ReadFailedPushes }, VendorCatalog.Find(ByRobotVendor.Id).MissingOperations.Keys);
    }

    [Fact]
    public void EveryVendor_DeclaresMissingExactlyWhatItsClientLacks()
    {
        foreach (var descriptor in VendorCatalog.All)
        {
            var client = descriptor.CreateClient(new OutboundSession("probe", descriptor.Vendor, descriptor.DefaultBaseUri, "k", null, false),
                SecretText.Protect("s"), new Http.TransportOptions { BaseUri = descriptor.DefaultBaseUri }, null);
            using (client)
            {
                Assert.Equal(client is not ITaskUpdates, descriptor.MissingOperations.ContainsKey(VendorOperation.UpdateTask));
                Assert.Equal(client is not ITaskStops, descriptor.MissingOperations.ContainsKey(VendorOperation.StopTask));
                Assert.Equal(client is not ICallRecordReads, descriptor.MissingOperations.ContainsKey(VendorOperation.ReadCallRecords));
                Assert.Equal(client is not IFailedPushReads, descriptor.MissingOperations.ContainsKey(VendorOperation.ReadFailedPushes));
                Assert.Equal(client is not ISeatReads, descriptor.MissingOperations.ContainsKey(VendorOperation.ReadSeats));
                Assert.Equal(client is not ISmsTemplateReads, descriptor.MissingOperations.ContainsKey(VendorOperation.ReadSmsTemplates));
                Assert.Equal(client is not IBlocklists, descriptor.MissingOperations.ContainsKey(VendorOperation.Blocklists));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_WorksOrIsNotImplemented_AsTheVendorDeclares(string vendor, string operation)
    {
        await using var connection = await SandboxHarness.ForVendorAsync(vendor);
        var descriptor = VendorCatalog.Find(new OutboundVendor(vendor));
        var lacking = operation switch
        {
            "Set" => descriptor.MissingOperations.ContainsKey(VendorOperation.UpdateTask),
            "Stop" => descriptor.MissingOperations.ContainsKey(VendorOperation.StopTask),
            "Records" => descriptor.MissingOperations.ContainsKey(VendorOperation.ReadCallRecords),
            "FailedPushes" => descriptor.MissingOperations.ContainsKey(VendorOperation.ReadFailedPushes),
            "Seats" => descriptor.MissingOperations.ContainsKey(VendorOperation.ReadSeats),
            "SmsTemplates" => descriptor.MissingOperations.ContainsKey(VendorOperation.ReadSmsTemplates),
            "Blocklists" => descriptor.MissingOperations.ContainsKey(VendorOperation.Blocklists),
            _ => false,
        };
        var client = connection.Session.Client;
        var none = CancellationToken.None;
        var robotId = connection.RobotId;
        var lineId = connection.LineId;
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "m", RobotId = robotId, Lines = new[] { lineId } }, none);
        var columns = new CustomerColumns("Phone", "Name", Array.Empty<string>());
        const string phone = "13800138000";
        var row = new[] { new CustomerRow(1, phone, "n", Array.Empty<string>()) };
        var callLine = descriptor.RefusedCallOptions.ContainsKey(CallOption.Line) ? null : lineId;
        async Task<OutboundTaskStatus> StatusAsync() => (await client.GetTaskAsync(task.Id, none)).Status;
        async Task<bool> ListedAsync() => (await client.GetTaskPageAsync(new TaskFilter(), 1, none)).Tasks.Any(t => t.Id == task.Id);

        // A task with somebody to call: one without may finish the moment it starts.
        async Task ImportTheCustomerAsync() => await (await client.OpenImportAsync(task.Id, columns, none)).SendAsync(row, none);

        // The customer imported, the task started and the clock moved past its calls: call results to read.
        async Task DialTheTaskAsync()
        {
            await ImportTheCustomerAsync();
            await client.StartTaskAsync(task.Id, none);
            connection.Clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(OutboundTaskStatus.Completed, await StatusAsync());
        }

        // Each operation is judged by its result, or by what the vendor reports afterwards: an operation that quietly
        // does nothing must fail here as surely as one that throws.
        Func<Task> act = operation switch
        {
            "Lines" => async () => Assert.Contains(await client.GetLinesAsync(none), l => l.Id == lineId),
            "Robots" => async () => Assert.Contains(await client.GetRobotsAsync(none), r => r.Id == robotId),
            "New" => async () =>
            {
                var created = await client.CreateTaskAsync(new NewTaskSpec { Name = "m2", RobotId = robotId, Lines = new[] { lineId } }, none);
                Assert.NotEqual(task.Id, created.Id);
                Assert.Equal(("m2", OutboundTaskStatus.New), (created.Name, created.Status));
                Assert.Equal("m2", (await client.GetTaskAsync(created.Id, none)).Name);
            },
            "Get" => async () =>
            {
                var read = await client.GetTaskAsync(task.Id, none);
                Assert.Equal((task.Id, "m", OutboundTaskStatus.New), (read.Id, read.Name, read.Status));
            },
            "List" => async () => Assert.True(await ListedAsync(), $"task {task.Id} is not on the first page"),
            "Set" => async () =>
            {
                await client.UpdateTaskAsync(new TaskUpdateSpec(task.Id) { Name = "m3", Concurrency = 1 }, none);
                Assert.Equal("m3", (await client.GetTaskAsync(task.Id, none)).Name);
            },
            "Start" => async () =>
            {
                await ImportTheCustomerAsync();
                await client.StartTaskAsync(task.Id, none);
                Assert.Contains(await StatusAsync(), new[] { OutboundTaskStatus.Starting, OutboundTaskStatus.Queued, OutboundTaskStatus.Running });
            },
            // Pausing is for a started task; a task never started has nothing to pause.
            "Suspend" => async () =>
            {
                await ImportTheCustomerAsync();
                await client.StartTaskAsync(task.Id, none);
                await client.PauseTaskAsync(task.Id, none);
                Assert.Equal(OutboundTaskStatus.Paused, await StatusAsync());
            },
            "Stop" => async () =>
            {
                await client.StopTaskAsync(task.Id, none);
                Assert.Equal(OutboundTaskStatus.Stopped, await StatusAsync());
            },
            "Remove" => async () =>
            {
                Assert.True(await ListedAsync(), $"task {task.Id} is not on the first page before it is removed");
                await client.DeleteTaskAsync(task.Id, none);
                Assert.False(await ListedAsync(), $"task {task.Id} is still listed after it was removed");
            },
            "Import" => async () =>
            {
                var outcome = await (await client.OpenImportAsync(task.Id, columns, none)).SendAsync(row, none);
                // A vendor answers with an id per row or with a count; either way, one row went in.
                Assert.True(outcome.DataIds?.Length == 1 || outcome.AcceptedCount == 1, $"ids {outcome.DataIds?.Length}, count {outcome.AcceptedCount}");
                Assert.Equal(new[] { phone }, connection.Simulator.PhonesOf(task.Id));
            },
            "Records" => async () =>
            {
                await DialTheTaskAsync();
                var record = Assert.Single((await client.GetFinishedCallsAsync(new CallRecordFilter(task.Id), 1, none)).Records);
                Assert.Equal((phone, task.Id), (record.Phone, record.TaskId));
            },
            "FailedPushes" => async () =>
            {
                // Nobody receives the sandbox's pushes, so every push of the day's calls failed.
                var callDay = connection.Clock.Now.Date;
                await DialTheTaskAsync();
                connection.Clock.Advance(TimeSpan.FromDays(1));
                Assert.NotEmpty(await client.GetFailedPushFilesAsync(callDay, none));
                Assert.Empty(await client.GetFailedPushFilesAsync(callDay.AddDays(-1), none));
            },
            "Seats" => async () =>
            {
                var seats = await client.GetSeatsAsync(none);
                Assert.True(seats.Total > 0 && seats.InUse == 0 && seats.Free == seats.Total, $"{seats.InUse} of {seats.Total} in use, {seats.Free} free");
            },
            "SmsTemplates" => async () =>
            {
                var page = await client.GetSmsTemplatePageAsync(null, 1, none);
                Assert.NotEmpty(page.Templates);
                Assert.Equal(page.Total, page.Templates.Count);
            },
            "Blocklists" => async () =>
            {
                var lists = client.Blocklists;
                var list = await lists.NewListAsync("m", null, none);
                Assert.Equal(1, (await lists.AddNumbersAsync(list.Id, new[] { new BlocklistNumberSpec(phone, "n", null) }, none)).Stored);
                Assert.Equal(phone, Assert.Single((await lists.GetNumberPageAsync(list.Id, 1, none)).Numbers).Phone);
            },
            _ => async () =>
            {
                var call = Assert.Single(await client.CallAsync(new CallSpec(robotId, columns, row) { Line = callLine }, none));
                Assert.Equal((phone, true), (call.Phone, call.Accepted));
            },
        };

        if (lacking)
        {
            var error = await Assert.ThrowsAsync<OutboundException>(act);
            Assert.Equal(OutboundErrorKind.NotImplemented, error.Kind);
            Assert.Equal($"OutboundPS.{descriptor.Vendor}.NotImplemented", error.ErrorId);
            Assert.Contains(descriptor.Vendor.Key, error.Message);
            // The alternative names the command to use instead.
            Assert.Contains(operation switch
            {
                "Records" => "OutboundPush", "FailedPushes" => "-MissedCallback", "Seats" => "Get-OutboundLine", "SmsTemplates" => "-SendSms",
                "Blocklists" => "-ExcludePhonePath", _ => "-OutboundTask",
            }, error.RecommendedAction);
        }
        else
        {
            await act();
        }
    }

    [Theory]
    [InlineData("EndTime")]
    [InlineData("Voice")]
    public async Task ByRobot_RefusesIFlytekOnlyTaskParameters_BeforeSending(string parameter)
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var spec = new NewTaskSpec { Name = "t", RobotId = "5002", Lines = new[] { "101" } };
        if (parameter == "EndTime") spec.EndTime = DateTimeOffset.Now.AddDays(1);
        else spec.Voice = "60030";
        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CreateTaskAsync(spec, CancellationToken.None));
        Assert.Equal("OutboundPS.ByRobot.ParameterNotSupported", error.ErrorId);
        Assert.Contains($"-{parameter}", error.Message);
        Assert.Empty(h.Requests("/task/createTask"));
    }

    [Fact]
    public async Task ByRobot_CallRefusesLineAndVoice_AndCustomerIdWithSeveralNumbers()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var columns = new CustomerColumns("Phone", null, Array.Empty<string>());
        var one = new[] { new CustomerRow(1, "13800138000", null, Array.Empty<string>()) };
        var two = new[] { one[0], new CustomerRow(2, "13800138001", null, Array.Empty<string>()) };
        var line = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CallAsync(new CallSpec("5002", columns, one) { Line = "101" }, CancellationToken.None));
        Assert.Contains("-Line", line.Message);
        var voice = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CallAsync(new CallSpec("5002", columns, one) { Voice = "1" }, CancellationToken.None));
        Assert.Contains("-Voice", voice.Message);
        var several = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CallAsync(new CallSpec("5002", columns, two) { CustomerId = "7" }, CancellationToken.None));
        Assert.Contains("-CustomerId", several.Message);
        Assert.Empty(h.Simulator.Calls);
    }
}
