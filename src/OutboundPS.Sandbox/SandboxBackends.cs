using System;
using System.Collections.Concurrent;
using System.Net.Http;

namespace OutboundPS.Sandbox;

/// <summary>The process-wide simulators behind Connect-Outbound -Sandbox: one account per vendor, made on first use.</summary>
public static class SandboxBackends
{
    /// <summary>The app key the sandbox accepts.</summary>
    public const string AppKey = "sandbox-app-key";

    /// <summary>The app secret the sandbox accepts (not a secret: anyone may use the sandbox).</summary>
    public const string AppSecret = "sandbox-app-secret";

    /// <summary>Simulated seconds per real second, so that sandbox tasks complete while you watch.</summary>
    public const double Speed = 60;

    private static readonly ConcurrentDictionary<string, Lazy<SimulatorBase>> Backends = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The shared simulator of a vendor key; it keeps no request history, since a sandbox session may run for long.</summary>
    public static SimulatorBase For(string vendor)
    {
        var descriptor = SimulatorCatalog.Find(vendor);
        return Backends.GetOrAdd(descriptor.Key, _ => new Lazy<SimulatorBase>(() =>
        {
            var simulator = descriptor.Create(AppKey, AppSecret, new ScaledClock(Speed));
            simulator.KeepHistory = false;
            return simulator;
        })).Value;
    }

    /// <summary>The pushes the vendor's in-process simulator made for a task, or null when the vendor has a list to read instead.</summary>
    public static System.Collections.Generic.IReadOnlyList<string>? KeptPushesOf(string vendor, string taskId) => For(vendor).KeptPushesOf(taskId);

    /// <summary>A handler for the vendor's in-process simulator.</summary>
    public static HttpMessageHandler CreateHandler(string vendor) => new SandboxHandler(For(vendor));
}
