using System;
using System.Collections.Generic;
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

public sealed class WaitTests
{
    [Fact]
    public async Task StartedTask_ReachesCompleted_AndTheWaitLoopSeesRunningThenCompleted()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "w", RobotId = "720", Lines = new[] { "055169101401" } }, CancellationToken.None);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions());
        for (var i = 0; i < 120; i++)
            await import.AddAsync(SandboxHarness.Row(("手机号", $"1390000{i:0000}"), ("姓名", "x")), null, CancellationToken.None);
        await import.CompleteAsync(CancellationToken.None);
        await h.Session.Client.StartTaskAsync(task.Id, CancellationToken.None);

        var seen = new List<OutboundTaskStatus>();
        var waiter = new TaskWaiter((span, _) =>
        {
            h.Clock.Advance(span);
            return Task.CompletedTask;
        }, () => TimeSpan.Zero);
        var done = await waiter.WaitAsync(h.Session.Client, task.Id, null, TimeSpan.FromSeconds(30), t => seen.Add(t.Status), CancellationToken.None);

        Assert.NotNull(done);
        Assert.Equal(OutboundTaskStatus.Completed, done!.Status);
        Assert.Equal(120, done.Called);
        Assert.InRange(done.Connected!.Value, 1, 119);
        Assert.Contains(OutboundTaskStatus.Running, seen);
        Assert.True(seen.IndexOf(OutboundTaskStatus.Running) < seen.IndexOf(OutboundTaskStatus.Completed));
        // Polled until the task settled and not once more: Completed is the last status seen, and seen once.
        Assert.Equal(seen.Count - 1, seen.IndexOf(OutboundTaskStatus.Completed));
    }

    [Fact]
    public async Task Wait_ReturnsNullWhenTheTimeoutPasses()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: false);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "w", RobotId = "720", Lines = new[] { "055169101401" } }, CancellationToken.None);
        var elapsed = TimeSpan.Zero;
        var waiter = new TaskWaiter((span, _) =>
        {
            elapsed += span;
            return Task.CompletedTask;
        }, () => elapsed);
        var done = await waiter.WaitAsync(h.Session.Client, task.Id, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None);
        Assert.Null(done);
        Assert.Equal(TimeSpan.FromSeconds(12), elapsed);
    }
}
