using System;
using System.Net.Http;
using OutboundPS.Sandbox.ByRobot;
using OutboundPS.Sandbox.IFlytek;

namespace OutboundPS.Sandbox;

/// <summary>The process-wide simulators behind Connect-Outbound -Sandbox, one account per vendor.</summary>
public static class SandboxBackends
{
    /// <summary>The app key the sandbox accepts.</summary>
    public const string AppKey = "sandbox-app-key";

    /// <summary>The app secret the sandbox accepts (not a secret: anyone may use the sandbox).</summary>
    public const string AppSecret = "sandbox-app-secret";

    /// <summary>Simulated seconds per real second, so that sandbox tasks complete while you watch.</summary>
    public const double Speed = 60;

    private static readonly Lazy<IFlytekSimulator> IFlytekBackend = new(() => new IFlytekSimulator(AppKey, AppSecret, new ScaledClock(Speed)) { KeepHistory = false });
    private static readonly Lazy<ByRobotSimulator> ByRobotBackend = new(() => new ByRobotSimulator(AppKey, AppSecret, new ScaledClock(Speed)) { KeepHistory = false });

    /// <summary>The shared iFlytek simulator.</summary>
    public static IFlytekSimulator IFlytek => IFlytekBackend.Value;

    /// <summary>The shared BYRobot simulator.</summary>
    public static ByRobotSimulator ByRobot => ByRobotBackend.Value;

    /// <summary>A simulator for the named vendor ("IFlytek" or "ByRobot").</summary>
    public static IVendorSimulator For(string vendor) => vendor.ToLowerInvariant() switch
    {
        "iflytek" => IFlytek,
        "byrobot" => ByRobot,
        _ => throw new NotSupportedException($"The sandbox has no simulator for '{vendor}'; use IFlytek or ByRobot."),
    };

    /// <summary>A handler for the named vendor's in-process simulator.</summary>
    public static HttpMessageHandler CreateHandler(string vendor) => new SandboxHandler(For(vendor));
}
