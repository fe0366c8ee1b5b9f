using System;
using System.Linq;
using System.Threading.Tasks;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sessions;

namespace OutboundPS.Tests.Support;

/// <summary>A connected BYRobot session against a fresh simulator, in process or over Kestrel.</summary>
internal sealed class ByRobotHarness : IAsyncDisposable
{
    internal const string Key = "byrobot-test-key";
    internal const string Secret = "byrobot-test-secret";

    private SandboxConnection _connection = null!;

    private ByRobotHarness(ByRobotSimulator simulator, ManualClock clock)
    {
        Simulator = simulator;
        Clock = clock;
    }

    internal ByRobotSimulator Simulator { get; }
    internal ManualClock Clock { get; }
    internal OutboundSession Session => _connection.Session;

    internal static async Task<ByRobotHarness> StartAsync(bool overHttp, string? connectWith = null, string secret = Secret,
        Func<DateTimeOffset>? clientClock = null, string? companyId = null, string key = Key, Action<ByRobotSimulator>? arrange = null)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(8)));
        var harness = new ByRobotHarness(new ByRobotSimulator(key, secret, clock), clock);
        arrange?.Invoke(harness.Simulator);
        var request = new ConnectRequest(OutboundVendor.ByRobot, key, SecretText.Protect(connectWith ?? secret))
        {
            Clock = clientClock,
            CompanyId = companyId,
        };
        harness._connection = await SandboxConnection.OpenAsync(harness.Simulator, request, overHttp);
        return harness;
    }

    /// <summary>The last request to a path, with its body as a JSON object.</summary>
    internal (SimulatedRequest Request, System.Text.Json.Nodes.JsonObject? Body) Last(string pathEnd)
    {
        var (request, body) = Simulator.Received.Last(r => r.Request.Path.EndsWith(pathEnd, StringComparison.Ordinal));
        return (request, body as System.Text.Json.Nodes.JsonObject);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
