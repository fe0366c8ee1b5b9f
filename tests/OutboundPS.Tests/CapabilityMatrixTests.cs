using System;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Import;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using OutboundPS.Vendors;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>SPEC §3's table: each operation works, or gives NotImplemented exactly where the vendor lacks it.</summary>
public sealed class CapabilityMatrixTests
{
    public static TheoryData<OutboundVendor, string, bool> Matrix()
    {
        var data = new TheoryData<OutboundVendor, string, bool>();
        foreach (var vendor in new[] { OutboundVendor.IFlytek, OutboundVendor.ByRobot })
            foreach (var operation in new[] { "Lines", "Robots", "New", "Get", "List", "Set", "Start", "Suspend", "Stop", "Remove", "Import", "Call" })
                data.Add(vendor, operation, vendor == OutboundVendor.IFlytek && operation is "Set" or "Stop");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_WorksOrIsNotImplemented_AsTheSpecSays(OutboundVendor vendor, string operation, bool lacking)
    {
        var sandbox = new VendorSandbox(vendor);
        await using var connection = await SandboxConnection.OpenAsync(sandbox.Simulator, new ConnectRequest(vendor, "k", SecretText.Protect("s")), overHttp: false);
        var client = connection.Session.Client;
        var none = CancellationToken.None;
        var robotId = sandbox.RobotId;
        var lineId = sandbox.LineId;
        var task = await client.CreateTaskAsync(new NewTaskSpec { Name = "m", RobotId = robotId, Lines = new[] { lineId } }, none);
        var columns = new CustomerColumns("Phone", "Name", Array.Empty<string>());
        var row = new[] { new CustomerRow(1, "13800138000", "n", Array.Empty<string>()) };

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
            _ => () => client.CallAsync(new CallSpec(robotId, columns, row) { Line = vendor == OutboundVendor.IFlytek ? lineId : null }, none),
        };

        if (lacking)
        {
            var error = await Assert.ThrowsAsync<OutboundException>(act);
            Assert.Equal(OutboundErrorKind.NotImplemented, error.Kind);
            Assert.Equal($"OutboundPS.{vendor}.NotImplemented", error.ErrorId);
            Assert.Contains(vendor.ToString(), error.Message);
            Assert.Contains("-OutboundTask", error.RecommendedAction);
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
        await using var h = await ByRobotHarness.StartAsync(overHttp: false);
        var spec = new NewTaskSpec { Name = "t", RobotId = "5002", Lines = new[] { "101" } };
        if (parameter == "EndTime") spec.EndTime = DateTimeOffset.Now.AddDays(1);
        else spec.Voice = "60030";
        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.CreateTaskAsync(spec, CancellationToken.None));
        Assert.Equal("OutboundPS.ByRobot.ParameterNotSupported", error.ErrorId);
        Assert.Contains($"-{parameter}", error.Message);
        Assert.DoesNotContain(h.Simulator.Received, r => r.Request.Path.EndsWith("/task/createTask", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByRobot_CallRefusesLineAndVoice_AndCustomerIdWithSeveralNumbers()
    {
        await using var h = await ByRobotHarness.StartAsync(overHttp: false);
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
