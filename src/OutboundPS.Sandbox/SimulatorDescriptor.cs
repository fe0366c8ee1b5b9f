using System;

namespace OutboundPS.Sandbox;

/// <summary>
/// A vendor's simulator, declared in its folder: the key it answers to (Connect-Outbound -Vendor, --vendor) and how to
/// make one. SimulatorCatalog finds every descriptor, so adding a simulator edits nothing outside its folder.
/// </summary>
public abstract class SimulatorDescriptor
{
    /// <summary>The vendor key, as OutboundPS names the vendor.</summary>
    public abstract string Key { get; }

    /// <summary>A robot of the sandbox account that needs no variable beyond the customer's name.</summary>
    public abstract string SimpleRobotId { get; }

    /// <summary>A caller line of the sandbox account.</summary>
    public abstract string LineId { get; }

    /// <summary>The path customers are imported through (where import faults are aimed).</summary>
    public abstract string ImportPath { get; }

    /// <summary>A fresh simulator that accepts one app key and secret, on the given clock.</summary>
    public abstract SimulatorBase Create(string appKey, string appSecret, SandboxClock clock);
}
