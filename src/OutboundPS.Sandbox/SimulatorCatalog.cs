using System;
using System.Collections.Generic;
using System.Linq;

namespace OutboundPS.Sandbox;

/// <summary>Every simulator the sandbox has: the descriptors in this assembly, plus any a test registers.</summary>
public static class SimulatorCatalog
{
    private static readonly object Gate = new();
    private static readonly List<SimulatorDescriptor> Descriptors = typeof(SimulatorCatalog).Assembly.GetTypes()
        .Where(type => typeof(SimulatorDescriptor).IsAssignableFrom(type) && !type.IsAbstract)
        .Select(type => (SimulatorDescriptor)Activator.CreateInstance(type, nonPublic: true)!)
        .OrderBy(descriptor => descriptor.Key, StringComparer.OrdinalIgnoreCase)
        .ToList();

    /// <summary>Every simulator's descriptor.</summary>
    public static IReadOnlyList<SimulatorDescriptor> All
    {
        get
        {
            lock (Gate) return Descriptors.ToArray();
        }
    }

    /// <summary>The simulator of a vendor key (case-insensitive); an unknown key is an error naming the known ones.</summary>
    public static SimulatorDescriptor Find(string key)
    {
        lock (Gate)
        {
            return Descriptors.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new NotSupportedException($"The sandbox has no simulator for '{key}'; it has {string.Join(", ", Descriptors.Select(d => d.Key))}.");
        }
    }

    /// <summary>Adds a simulator defined outside this assembly (a test's stub vendor).</summary>
    public static void Register(SimulatorDescriptor descriptor)
    {
        lock (Gate)
        {
            Descriptors.RemoveAll(d => string.Equals(d.Key, descriptor.Key, StringComparison.OrdinalIgnoreCase));
            Descriptors.Add(descriptor);
        }
    }
}
