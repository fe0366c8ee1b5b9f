using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Import;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.IFlytek;
using OutboundPS.Sessions;

namespace OutboundPS.Tests.Support;

/// <summary>A connected iFlytek session against a fresh simulator, in process or over Kestrel.</summary>
internal sealed class IFlytekHarness : IAsyncDisposable
{
    internal const string Key = "test-app-key";
    internal const string Secret = "test-app-secret";

    private SandboxConnection _connection = null!;

    private IFlytekHarness(IFlytekSimulator simulator, ManualClock clock)
    {
        Simulator = simulator;
        Clock = clock;
    }

    internal IFlytekSimulator Simulator { get; }
    internal ManualClock Clock { get; }
    internal OutboundSession Session => _connection.Session;

    internal static async Task<IFlytekHarness> StartAsync(bool overHttp, string? connectWith = null, Func<int, string>? tokens = null, string secret = Secret)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(8)));
        var harness = new IFlytekHarness(new IFlytekSimulator(Key, secret, clock), clock);
        if (tokens is not null) harness.Simulator.TokenFactory = tokens;
        var request = new ConnectRequest(OutboundVendor.IFlytek, Key, SecretText.Protect(connectWith ?? secret));
        harness._connection = await SandboxConnection.OpenAsync(harness.Simulator, request, overHttp);
        return harness;
    }

    internal static DictionaryInputRow Row(params (string Name, string? Value)[] values) =>
        new(values.Select(v => new System.Collections.Generic.KeyValuePair<string, string?>(v.Name, v.Value)));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
