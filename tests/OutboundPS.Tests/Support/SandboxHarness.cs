using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OutboundPS.Contract;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;

namespace OutboundPS.Tests.Support;

/// <summary>
/// The one shape every test uses: a fresh simulator of a vendor on a manual clock, a session connected to it in process
/// or over Kestrel, and the sandbox's stock robot and line. Typed by simulator where a test reads vendor-specific state.
/// </summary>
internal sealed class SandboxHarness<TSimulator> : IAsyncDisposable
    where TSimulator : SimulatorBase
{
    private readonly SandboxConnection _connection;

    internal SandboxHarness(TSimulator simulator, ManualClock clock, SimulatorDescriptor descriptor, SandboxConnection connection)
    {
        Simulator = simulator;
        Clock = clock;
        Descriptor = descriptor;
        _connection = connection;
    }

    internal TSimulator Simulator { get; }
    internal ManualClock Clock { get; }
    internal SimulatorDescriptor Descriptor { get; }
    internal OutboundSession Session => _connection.Session;

    /// <summary>A robot that needs no variable beyond the customer's name.</summary>
    internal string RobotId => Descriptor.SimpleRobotId;

    internal string LineId => Descriptor.LineId;

    /// <summary>The most requests the HTTP server had open at once (0 in process).</summary>
    internal int MaxInFlight => _connection.MaxInFlight;

    /// <summary>The requests received for a path, in arrival order.</summary>
    internal IEnumerable<(SimulatedRequest Request, JsonNode? Body)> Requests(string pathEnd) =>
        Simulator.Received.Where(r => r.Request.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    /// <summary>The last request to a path, with its body as a JSON object.</summary>
    internal (SimulatedRequest Request, JsonObject? Body) Last(string pathEnd)
    {
        var (request, body) = Requests(pathEnd).Last();
        return (request, body as JsonObject);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

/// <summary>Starts harnesses.</summary>
public static class SandboxHarness
{
    internal const string Key = "test-app-key";
    internal const string Secret = "test-app-secret";

    /// <summary>Where every harness clock starts: a Saturday morning in the vendors' zone.</summary>
    internal static readonly DateTimeOffset Start = new(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Every vendor the sandbox simulates, for tests that run on each.</summary>
    public static IEnumerable<object[]> Vendors() => SimulatorCatalog.All.Select(d => new object[] { d.Key });

    internal static async Task<SandboxHarness<TSimulator>> StartAsync<TSimulator>(string vendor, bool overHttp, string? connectWith = null,
        string key = Key, string secret = Secret, Action<TSimulator>? arrange = null, Action<ConnectRequest>? configure = null,
        Func<TSimulator, IVendorSimulator>? wrap = null)
        where TSimulator : SimulatorBase
    {
        var clock = new ManualClock(Start);
        var descriptor = SimulatorCatalog.Find(vendor);
        var simulator = (TSimulator)descriptor.Create(key, secret, clock);
        arrange?.Invoke(simulator);
        var request = new ConnectRequest(new OutboundVendor(descriptor.Key), key, SecretText.Protect(connectWith ?? secret));
        configure?.Invoke(request);
        var connection = await SandboxConnection.OpenAsync(wrap?.Invoke(simulator) ?? simulator, request, overHttp);
        return new SandboxHarness<TSimulator>(simulator, clock, descriptor, connection);
    }

    internal static Task<SandboxHarness<SimulatorBase>> ForVendorAsync(string vendor, bool overHttp = false, Action<ConnectRequest>? configure = null,
        Func<SimulatorBase, IVendorSimulator>? wrap = null) =>
        StartAsync(vendor, overHttp, configure: configure, wrap: wrap);

    internal static Task<SandboxHarness<IFlytekSimulator>> IFlytekAsync(bool overHttp, string? connectWith = null, Func<int, string>? tokens = null,
        string secret = Secret) =>
        StartAsync<IFlytekSimulator>("IFlytek", overHttp, connectWith, secret: secret, arrange: simulator =>
        {
            if (tokens is not null) simulator.TokenFactory = tokens;
        });

    internal static Task<SandboxHarness<ByRobotSimulator>> ByRobotAsync(bool overHttp, string? connectWith = null, string secret = Secret,
        Func<DateTimeOffset>? clientClock = null, string? companyId = null, string key = Key, Action<ByRobotSimulator>? arrange = null) =>
        StartAsync("ByRobot", overHttp, connectWith, key, secret, arrange, request =>
        {
            request.Clock = clientClock;
            request.CompanyId = companyId;
        });

    internal static DictionaryInputRow Row(params (string Name, string? Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)));
}
