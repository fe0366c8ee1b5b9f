using System.Threading;
using System.Threading.Tasks;
using OutboundPS.ByRobot;
using OutboundPS.IFlytek;
using OutboundPS.Sandbox;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using OutboundPS.Contract;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>A task acts in its own session, and each runspace keeps its own sessions (the Pester suite checks the same in real runspaces).</summary>
public sealed class SessionScopeTests
{
    private static Task<OutboundSession> Connect(SessionRegistry registry, OutboundVendor vendor, string name) =>
        SessionConnector.ConnectAsync(new ConnectRequest(vendor, "k", SecretText.Protect("s"))
        {
            Name = name,
            SandboxHandler = new SandboxHandler(SimulatorCatalog.Find(vendor.Key).Create("k", "s", new ManualClock(SandboxHarness.Start))),
        }, registry, CancellationToken.None);

    [Fact]
    public async Task TaskObject_ActsInItsOwnSession_NotTheNewest()
    {
        var registry = new SessionRegistry();
        var yeta = await Connect(registry, IFlytekVendor.Id, "yeta");
        var task = await yeta.Client.CreateTaskAsync(new NewTaskSpec { Name = "t", RobotId = "720", Lines = new[] { "055169101401" } }, CancellationToken.None);
        var newest = await Connect(registry, ByRobotVendor.Id, "byrobot");

        Assert.Same(newest, registry.Resolve(null));
        Assert.Same(yeta, registry.Resolve(new OutboundTaskId(task), null));
        Assert.Same(yeta, registry.Resolve(new OutboundTaskId(task), yeta));
        Assert.Same(newest, registry.Resolve(new OutboundTaskId(task.Id), null));
        registry.Clear();
    }

    [Fact]
    public async Task TaskObject_WithAnotherExplicitSession_IsAConflict()
    {
        var registry = new SessionRegistry();
        var yeta = await Connect(registry, IFlytekVendor.Id, "yeta");
        var task = await yeta.Client.CreateTaskAsync(new NewTaskSpec { Name = "t", RobotId = "720", Lines = new[] { "055169101401" } }, CancellationToken.None);
        var other = await Connect(registry, ByRobotVendor.Id, "byrobot");

        var error = Assert.Throws<OutboundException>(() => registry.Resolve(new OutboundTaskId(task), other));

        Assert.Equal("OutboundPS.SessionConflict", error.ErrorId);
        Assert.Contains("'yeta'", error.Message);
        Assert.Contains("'byrobot'", error.Message);
        registry.Clear();
    }

    [Fact]
    public async Task SessionByName_IsFoundInItsScope()
    {
        var registry = new SessionRegistry();
        var yeta = await Connect(registry, IFlytekVendor.Id, "Yeta-Prod");

        Assert.Same(yeta, registry.Find("yeta-prod"));
        Assert.Equal("OutboundPS.SessionNotFound", Assert.Throws<OutboundException>(() => registry.Find("nope")).ErrorId);
        registry.Clear();
    }

    [Fact]
    public async Task TwoScopes_NeverSeeOrCloseEachOthersSessions()
    {
        object jobA = new(), jobB = new();
        var registryA = SessionRegistry.Of(jobA);
        var registryB = SessionRegistry.Of(jobB);
        var first = await Connect(registryA, IFlytekVendor.Id, "runbook");
        var second = await Connect(registryB, ByRobotVendor.Id, "runbook");

        Assert.Same(registryA, SessionRegistry.Of(jobA));
        Assert.True(first.IsConnected);
        Assert.Same(first, registryA.Resolve(null));
        Assert.Same(second, registryB.Resolve(null));
        Assert.Equal(new[] { first }, registryA.All);
        registryB.Clear();
        Assert.True(first.IsConnected);
        Assert.Equal("OutboundPS.NoSession", Assert.Throws<OutboundException>(() => registryB.Resolve(null)).ErrorId);
        registryA.Clear();
    }
}
