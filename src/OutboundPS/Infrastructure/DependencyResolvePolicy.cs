using System;
using System.IO;
using System.Reflection;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>
/// Decides which assembly requests the Windows PowerShell 5.1 resolve handler answers from the Dependencies folder,
/// and so keeps OutboundPS's copies of System.Text.Json, System.Memory and the rest away from other modules.
/// Touches no PowerShell type, so a test can load the netstandard2.0 build and ask it directly.
/// </summary>
internal static class DependencyResolvePolicy
{
    // Nobody else ships these, so handing them out cannot displace another module's copy.
    private static readonly string[] OnlyOutboundPSShips = { "OutboundPS.Core", "OutboundPS.Sandbox" };

    /// <summary>
    /// The file to load for <paramref name="requestedName"/>, or null to leave the request to whoever else answers.
    /// Any version is served (5.1 has no binding redirects for a module), but only to OutboundPS's own assemblies:
    /// the cmdlet assembly and everything loaded from <paramref name="dependencyFolder"/>, so RestSharp asking for
    /// System.Text.Json is answered. A request with no requester (on .NET Framework: a load by name through
    /// reflection, for one) cannot be told apart from a foreign one, so it gets only what OutboundPS alone ships.
    /// </summary>
    internal static string? PathToLoad(string dependencyFolder, string requestedName, Assembly? requester)
    {
        var name = new AssemblyName(requestedName).Name;
        if (name is null) return null;
        var path = Path.Combine(dependencyFolder, name + ".dll");
        if (!File.Exists(path)) return null;
        return IsOnlyOurs(name) || IsOwn(dependencyFolder, requester) ? path : null;
    }

    /// <summary>Whether only OutboundPS ships the assembly: its engine, which PowerShell 7 also routes into isolation.</summary>
    internal static bool IsOnlyOurs(string name) =>
        Array.Exists(OnlyOutboundPSShips, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private static bool IsOwn(string dependencyFolder, Assembly? requester)
    {
        if (requester is null) return false;
        if (requester == typeof(DependencyResolvePolicy).Assembly) return true;
        // Dynamic and in-memory assemblies have no location and are never ours.
        var location = requester.IsDynamic ? string.Empty : requester.Location;
        if (string.IsNullOrEmpty(location)) return false;
        return string.Equals(Path.GetDirectoryName(Path.GetFullPath(location)), Path.GetFullPath(dependencyFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
            StringComparison.OrdinalIgnoreCase);
    }
}
