using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Http;
using OutboundPS.Import;
using OutboundPS.Sessions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>-ThrottleLimit reaches the socket: every batch in flight has a connection, on every target the module ships.</summary>
public sealed class ConnectionLimitTests
{
    private static int LargestThrottleLimit()
    {
        var parameter = ModuleMetadata.CmdletTypes.Single(t => ModuleMetadata.CmdletName(t) == "Import-OutboundCustomer").GetProperty("ThrottleLimit")!;
        var range = parameter.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ValidateRangeAttribute");
        return (int)range.ConstructorArguments[1].Value!;
    }

    [Fact]
    public void Handler_AllowsAtLeastTheLargestThrottleLimit_ToOneHost()
    {
        // Starts from .NET Framework's default of 2 a host (here the runtime would allow any number).
        var handler = (HttpClientHandler)VendorTransport.AllowConnections(new HttpClientHandler { MaxConnectionsPerServer = 2 }, new Uri("https://www.xfyeta.com/openapi/"));

        Assert.True(handler.MaxConnectionsPerServer >= LargestThrottleLimit(), $"{handler.MaxConnectionsPerServer} < {LargestThrottleLimit()}");
    }

    /// <summary>The build Windows PowerShell 5.1 loads, run here on .NET: it sets the same limit.</summary>
    [Fact]
    public void NetStandardBuild_AllowsAtLeastTheLargestThrottleLimit_ToOneHost()
    {
        var folder = Path.Combine(ModuleMetadata.ModuleFolder, "netstandard2.0", "Dependencies");
        var context = new AssemblyLoadContext("netstandard2.0 build", isCollectible: true);
        context.Resolving += (ctx, name) => File.Exists(Path.Combine(folder, name.Name + ".dll")) ? ctx.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
        try
        {
            var core = context.LoadFromAssemblyPath(Path.Combine(folder, "OutboundPS.Core.dll"));
            var allow = core.GetType("OutboundPS.Http.VendorTransport")!.GetMethod("AllowConnections", BindingFlags.Static | BindingFlags.NonPublic)!;
            var handler = (HttpClientHandler)allow.Invoke(null, new object[] { new HttpClientHandler { MaxConnectionsPerServer = 2 }, new Uri("http://api.byrobot.cn/") })!;

            Assert.True(handler.MaxConnectionsPerServer >= LargestThrottleLimit());
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public async Task ThrottleLimitEight_HasEightRequestsInFlight_OverLoopback()
    {
        await using var h = await SandboxHarness.IFlytekAsync(overHttp: true);
        var task = await h.Session.Client.CreateTaskAsync(new NewTaskSpec { Name = "in flight", RobotId = h.RobotId, Lines = new[] { h.LineId } }, CancellationToken.None);
        h.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var import = new CustomerImport(h.Session, task.Id, new ImportOptions { BatchSize = 10, ThrottleLimit = 8 });

        for (var i = 0; i < 240; i++) await import.AddAsync(SandboxHarness.Row(("Phone", $"1390000{i:0000}"), ("Name", "n")), null, CancellationToken.None);
        var result = await import.CompleteAsync(CancellationToken.None);

        Assert.Equal(240, result.Accepted);
        Assert.Equal(8, h.MaxInFlight);
    }
}
