using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sessions;
using OutboundPS.Import;
using OutboundPS.Tasks;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>Smaller wire facts each vendor's documents fix, one test each.</summary>
public sealed class VendorDetailTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("09:00-24:00", "09:00:00-23:59:59")]
    [InlineData("09:00-23:59:59", "09:00:00-23:59:59")]
    public async Task WindowEndingAt24_IsSentAs235959_SinceHoursRunTo23(string window, string sent)
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        await h.Session.Client.CreateTaskAsync(new NewTaskSpec
        {
            Name = "夜间", RobotId = "720", Lines = new[] { "055169101401" }, WorkingHours = TaskInput.ParseWindows("WorkingHours", new[] { window }),
        }, None);

        Assert.Equal(sent, (string?)h.Last("/task/create").Body!["time_range"]![0]);
        Assert.Null(TimeRange.TryParse("24:00-24:00"));
    }

    [Theory]
    [InlineData("IFlytek", 3, true)]
    [InlineData("IFlytek", 4, false)]
    [InlineData("ByRobot", 5, true)]
    [InlineData("ByRobot", 6, false)]
    public async Task RecallCount_IsCheckedAgainstEachVendorsRange(string vendor, int count, bool accepted)
    {
        await using var connection = await SandboxHarness.ForVendorAsync(vendor);
        Task Create() => connection.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "r", RobotId = connection.RobotId, Lines = new[] { connection.LineId }, RecallCount = count }, None);

        if (accepted) await Create();
        else Assert.Equal("OutboundPS.InvalidArgument.RecallCount", (await Assert.ThrowsAsync<OutboundException>(Create)).ErrorId);
    }

    [Fact]
    public async Task TokenRefusedAsWithoutPermission_LogsInAgainOnce()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var issued = h.Simulator.TokensIssued;
        h.Simulator.Faults.FailNext("/task/query", 10002);

        await h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None);

        Assert.Equal(issued + 1, h.Simulator.TokensIssued);
    }

    [Fact]
    public async Task ByRobot401_DoesNotBlameOnlyTheKey()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        h.Simulator.Faults.FailNext("/task/getTasks", 401);

        var error = await Assert.ThrowsAsync<OutboundException>(() => h.Session.Client.GetTaskPageAsync(new TaskFilter(), 1, None));

        Assert.Equal("OutboundPS.ByRobot.401", error.ErrorId);
        Assert.Contains("data BYRobot could not accept", error.Message);
        Assert.Contains("check the values it sent", error.Message);
    }

    [Fact]
    public async Task ByRobotCustomerWithoutVariables_SendsNoProperties()
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "p", RobotId = "5002", Lines = new[] { "101" } }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        await import.AddAsync(SandboxHarness.Row(("Phone", "13800138000"), ("Name", "张三")), null, None);
        await import.CompleteAsync(None);

        var customer = h.Last("/importTaskCustomer").Body!["customerInfoList"]![0]!.AsObject();
        Assert.Equal(new[] { "name", "phone" }, customer.Select(p => p.Key));
    }

    [Theory]
    [InlineData(9, "线路欠费")]
    [InlineData(10, "短信欠费")]
    public async Task WaitingForATaskInArrears_EndsWithTheReason_NotTheTimeout(int status, string text)
    {
        await using var h = await SandboxHarness.ByRobotAsync(overHttp: false);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "欠费", RobotId = "5002", Lines = new[] { "101" } }, None);
        h.Simulator.SetStatus(long.Parse(task.Id), status);
        var polls = 0;
        var waiter = new TaskWaiter((_, _) => Task.CompletedTask, () => TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<OutboundException>(() => waiter.WaitAsync(h.Session.Client, task.Id, null, TimeSpan.FromSeconds(5), _ => polls++, None));

        Assert.Equal(1, polls);
        Assert.Equal("OutboundPS.ByRobot.TaskInArrears", error.ErrorId);
        Assert.Equal(OutboundErrorKind.QuotaExceeded, error.Kind);
        Assert.Contains(text, error.Message);
        Assert.Contains("Start-OutboundTask", error.Message);
    }

    [Fact]
    public async Task YetaConnectRate_IsComputedFromTheCounts()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "c", RobotId = "720", Lines = new[] { "055169101401" } }, None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        for (var i = 0; i < 30; i++) await import.AddAsync(SandboxHarness.Row(("Phone", $"1390000{i:0000}"), ("Name", "n")), null, None);
        await import.CompleteAsync(None);
        await h.Session.Client.StartTaskAsync(task.Id, None);
        h.Clock.Advance(TimeSpan.FromMinutes(10));

        var done = await h.Session.Client.GetTaskAsync(task.Id, None);

        // The sandbox answers by each number's last digit: 18 of these 30 pick up.
        Assert.Equal(30, done.Called);
        Assert.Equal(18, done.Connected);
        Assert.Equal(0.6, done.ConnectRate);
    }
}
