using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Completion;
using OutboundPS.Contract;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// The logic behind tab completion of -Id/-TaskId, -RobotId, -Line, -Voice and -Session (the cmdlets' completers only
/// hand it the command line), over the in-process sandbox.
/// </summary>
public sealed class ArgumentCompletionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static System.Collections.Generic.IEnumerable<object[]> Vendors() => new[] { new object[] { "ByRobot" }, new object[] { "IFlytek" } };

    private static string TaskListPath(string vendor) => vendor == "IFlytek" ? "/task/query" : "/task/getTasks";

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task Tasks_CompleteToIds_ShowTheirNames_AndMatchPartOfTheName(string vendor)
    {
        await using var h = await SandboxHarness.ForVendorAsync(vendor);
        var spring = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "Spring recall", RobotId = h.RobotId, Lines = new[] { h.LineId } }, None);
        var autumn = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "Autumn survey", RobotId = h.RobotId, Lines = new[] { h.LineId } }, None);
        var completion = new ArgumentCompletion();

        var all = completion.Complete(SandboxConnection.Registry, CompletionKind.Task, "", h.Session);
        var byName = completion.Complete(SandboxConnection.Registry, CompletionKind.Task, "'recall", h.Session);
        var byId = completion.Complete(SandboxConnection.Registry, CompletionKind.Task, autumn.Id, h.Session);

        Assert.Contains(all, c => c.Value == spring.Id && c.ListItemText.Contains("Spring recall") && c.ToolTip.Contains("Spring recall"));
        Assert.Equal(spring.Id, Assert.Single(byName).Value);
        Assert.Contains(byId, c => c.Value == autumn.Id);
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task ALookup_IsReusedForAMinute_SoATabNeverWaitsOnTheNetworkTwice(string vendor)
    {
        await using var h = await SandboxHarness.ForVendorAsync(vendor);
        var now = DateTimeOffset.UtcNow;
        var completion = new ArgumentCompletion(() => now);
        var path = TaskListPath(vendor);
        var before = h.Requests(path).Count();

        completion.Complete(SandboxConnection.Registry, CompletionKind.Task, "", h.Session);
        now += TimeSpan.FromSeconds(59);
        completion.Complete(SandboxConnection.Registry, CompletionKind.Task, "1", h.Session);
        var afterTwoTabs = h.Requests(path).Count();
        now += TimeSpan.FromSeconds(2);
        completion.Complete(SandboxConnection.Registry, CompletionKind.Task, "", h.Session);

        Assert.Equal(before + 1, afterTwoTabs);
        Assert.Equal(before + 2, h.Requests(path).Count());
        Assert.Equal(2, completion.Lookups);
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task RobotsAndLines_CompleteToTheIdsTaskCreationTakes(string vendor)
    {
        await using var h = await SandboxHarness.ForVendorAsync(vendor);
        var completion = new ArgumentCompletion();
        var robots = await h.Session.Client.GetRobotsAsync(None);

        var robotItems = completion.Complete(SandboxConnection.Registry, CompletionKind.Robot, "", h.Session);
        var lineItems = completion.Complete(SandboxConnection.Registry, CompletionKind.Line, "", h.Session);

        Assert.Equal(robots.Select(r => r.Id), robotItems.Select(c => c.Value));
        Assert.Contains(robotItems, c => c.Value == h.RobotId && c.ListItemText.Contains(robots.First(r => r.Id == h.RobotId).Name!));
        Assert.Contains(lineItems, c => c.Value == h.LineId);
    }

    [Fact]
    public async Task Voices_OnIFlytek_AreTheConfigVoices_ByCodeWithTheirNames()
    {
        await using var h = await SandboxHarness.ForVendorAsync("IFlytek");

        var voices = new ArgumentCompletion().Complete(SandboxConnection.Registry, CompletionKind.Voice, "晓峰", h.Session);

        var voice = Assert.Single(voices);
        Assert.Equal("60030", voice.Value);
        Assert.Contains("晓峰", voice.ListItemText);
        Assert.Equal(4, h.Last("/config/v1/query").Body!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Voices_OnByRobot_CompleteNothing_AndAskNothing()
    {
        await using var h = await SandboxHarness.ForVendorAsync("ByRobot");
        var before = h.Simulator.Received.Count;

        Assert.Empty(new ArgumentCompletion().Complete(SandboxConnection.Registry, CompletionKind.Voice, "", h.Session));
        Assert.Equal(before, h.Simulator.Received.Count);
    }

    [Fact]
    public async Task AFailedLookup_CompletesNothing_ThrowsNothing_AndIsNotRepeatedAtOnce()
    {
        await using var h = await SandboxHarness.ForVendorAsync("IFlytek", configure: r => r.MaxRetries = 0);
        var completion = new ArgumentCompletion();
        h.Simulator.Faults.RejectNext("/config/v1/query", 503);

        var first = completion.Complete(SandboxConnection.Registry, CompletionKind.Line, "", h.Session);
        var second = completion.Complete(SandboxConnection.Registry, CompletionKind.Line, "", h.Session);

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Single(h.Requests("/config/v1/query"));
    }

    [Fact]
    public async Task TheSession_IsTheOneNamedOnTheCommandLine_OrTheScopesDefault()
    {
        await using var iflytek = await SandboxHarness.ForVendorAsync("IFlytek");
        await using var byrobot = await SandboxHarness.ForVendorAsync("ByRobot");
        var registry = new SessionRegistry();
        registry.Add(iflytek.Session);
        registry.Add(byrobot.Session);
        var completion = new ArgumentCompletion();

        var byDefault = completion.Complete(registry, CompletionKind.Line, "", null);
        var byName = completion.Complete(registry, CompletionKind.Line, "", iflytek.Session.Name);
        var unknown = completion.Complete(registry, CompletionKind.Line, "", "no-such-session");
        var none = completion.Complete(new SessionRegistry(), CompletionKind.Line, "", null);

        Assert.Contains(byDefault, c => c.Value == byrobot.LineId);
        Assert.Contains(byName, c => c.Value == iflytek.LineId);
        Assert.Empty(unknown);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Sessions_CompleteToNames_QuotedWhenNeeded_AndShowNoSecret()
    {
        await using var h = await SandboxHarness.StartAsync<Sandbox.SimulatorBase>("IFlytek", overHttp: false, configure: r => r.Name = "night shift");
        var registry = new SessionRegistry();
        registry.Add(h.Session);

        var item = Assert.Single(new ArgumentCompletion().Complete(registry, CompletionKind.Session, "nig", null));

        Assert.Equal("'night shift'", item.Value);
        Assert.Equal("night shift", item.ListItemText);
        Assert.Contains("IFlytek", item.ToolTip);
        Assert.DoesNotContain(SandboxHarness.Secret, item.ToolTip);
    }

    [Theory]
    [InlineData("7000001", "7000001")]
    [InlineData("night shift", "'night shift'")]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData("-x", "'-x'")]
    [InlineData("", "''")]
    public void Quote_LeavesPlainWordsBare(string value, string expected) => Assert.Equal(expected, ArgumentCompletion.Quote(value));
}
