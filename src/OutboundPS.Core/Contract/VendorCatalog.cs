using System;
using System.Collections.Generic;
using System.Linq;

namespace OutboundPS.Contract;

/// <summary>
/// Every vendor OutboundPS speaks: the descriptors found in this assembly, plus any a test registers. Found by
/// reflection, so no file outside a vendor's folder names the vendor.
/// </summary>
internal static class VendorCatalog
{
    private static readonly object Gate = new();
    private static readonly List<VendorDescriptor> Descriptors = typeof(VendorCatalog).Assembly.GetTypes()
        .Where(type => typeof(VendorDescriptor).IsAssignableFrom(type) && !type.IsAbstract)
        .Select(type => (VendorDescriptor)Activator.CreateInstance(type, nonPublic: true)!)
        .OrderBy(descriptor => descriptor.Vendor.Key, StringComparer.OrdinalIgnoreCase)
        .ToList();

    internal static IReadOnlyList<VendorDescriptor> All
    {
        get
        {
            lock (Gate) return Descriptors.ToArray();
        }
    }

    /// <summary>The descriptor of a vendor; an unknown key is an error that lists the known ones.</summary>
    internal static VendorDescriptor Find(OutboundVendor vendor)
    {
        lock (Gate)
        {
            return Descriptors.FirstOrDefault(d => d.Vendor == vendor)
                ?? throw OutboundErrors.InvalidArgument("Vendor", vendor.Key,
                    $"is not a vendor OutboundPS speaks; it speaks {string.Join(", ", Descriptors.Select(d => d.Vendor.Key))}.", "Pass one of those.");
        }
    }

    /// <summary>Adds a vendor defined outside this assembly (a test's stub vendor).</summary>
    internal static void Register(VendorDescriptor descriptor)
    {
        lock (Gate)
        {
            Descriptors.RemoveAll(d => d.Vendor == descriptor.Vendor);
            Descriptors.Add(descriptor);
        }
    }
}
