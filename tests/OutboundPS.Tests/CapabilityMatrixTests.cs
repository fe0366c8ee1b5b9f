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
    private static readonly string[] Operations = { "Lines", "Robots", "New", "Get", "List", "Set", "Start", "Suspend", "Stop", "Remove", "Import", "Call", "Records", "FailedPushes" };

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
        Assert.Equal(new[] { VendorOperation.UpdateTask, VendorOperation.StopTask, VendorOperation.ReadCallRecords },
            VendorCatalog.Find(IFlytekVendor.Id).MissingOperations.Keys.OrderBy(o => o));
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
            _ => false,
        };
        var client = connection.Session.Client;
        var none = CancellationToken.None;
        var robotId = connection.RobotId;
        var lineId = connection.LineId;
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "m", RobotId = robotId, Lines = new[] { lineId } }, none);
        var columns = new CustomerColumns("Phone", "Name", Array.Empty<string>());
        var row = new[] { new CustomerRow(1, "13800138000", "n", Array.Empty<string>()) };
        var callLine = descriptor.RefusedCallOptions.ContainsKey(CallOption.Line) ? null : lineId;

        Func<Task> act = operation switch
        {
            "Lines" => () => client.GetLinesAsync(none),
            "Robots" => () => client.GetRobotsAsync(none),
            "New" => () => client.CreateTaskAsync(new NewTaskSpec { Name = "m2", RobotId = robotId, Lines = new[] { lineId } }, none),
            "Get" => () => client.GetTaskAsync(task.Id, none),
            "List" => () => client.GetTaskPageAsync(new TaskFilter(), 1, none),
            "Set" => () => client.UpdateTaskAsync(new TaskUpdateSpec(task.Id) { Name = "m3", Concurrency = 1 }, none),
            "Start" => () => client.StartTaskAsync(task.Id, none),
            "Suspend" => () => client.PauseTaskAsync(task.Id, none),
            "Stop" => () => client.StopTaskAsync(task.Id, none),
            "Remove" => () => client.DeleteTaskAsync(task.Id, none),
            "Import" => async () => await (await client.OpenImportAsync(task.Id, columns, none)).SendAsync(row, none),
            "Records" => () => client.GetFinishedCallsAsync(new CallRecordFilter(task.Id), 1, none),
            "FailedPushes" => () => client.GetFailedPushFilesAsync(DateTime.Today.AddDays(-1), none),
            _ => () => client.CallAsync(new CallSpec(robotId, columns, row) { Line = callLine }, none),
        };

        if (lacking)
        {
            var error = await Assert.ThrowsAsync<OutboundException>(act);
            Assert.Equal(OutboundErrorKind.NotImplemented, error.Kind);
            Assert.Equal($"OutboundPS.{descriptor.Vendor}.NotImplemented", error.ErrorId);
            Assert.Contains(descriptor.Vendor.Key, error.Message);
            // The alternative names the command to use instead.
            Assert.Contains(operation switch { "Records" => "OutboundPush", "FailedPushes" => "-MissedCallback", _ => "-OutboundTask" }, error.RecommendedAction);
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
