using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace OutboundPS.Commands.Infrastructure;

/// <summary>
/// Resolves Core and its third-party dependencies from the Dependencies folder, isolated from other
/// modules' copies: a private AssemblyLoadContext on PowerShell 7; on 5.1 a version-agnostic resolve that answers
/// only OutboundPS's own assemblies (<see cref="DependencyResolvePolicy"/>).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string DependencyFolder =
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "Dependencies");

    /// <summary>Registers the resolver when the module is imported.</summary>
    public void OnImport()
    {
#if NET8_0_OR_GREATER
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += ResolveIntoIsolation;
#else
        AppDomain.CurrentDomain.AssemblyResolve += ResolveOwnRequests;
#endif
    }

    /// <summary>Drops this runspace's sessions (and with them every secret) when the module is removed.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        DropSessions();
#if NET8_0_OR_GREATER
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving -= ResolveIntoIsolation;
#else
        AppDomain.CurrentDomain.AssemblyResolve -= ResolveOwnRequests;
#endif
    }

    // Touches Core only here, after the resolver exists. Only the sessions of the runspace removing the module go.
    private static void DropSessions() => RunspaceSessions.Current.Clear();

#if NET8_0_OR_GREATER
    private static string? CandidatePath(string? assemblyName)
    {
        if (assemblyName is null) return null;
        var path = Path.Combine(DependencyFolder, assemblyName + ".dll");
        return File.Exists(path) ? path : null;
    }

    private static Assembly? ResolveIntoIsolation(System.Runtime.Loader.AssemblyLoadContext context, AssemblyName name) =>
        // Only our engine is routed into isolation; its own dependencies then resolve inside that context.
        name.Name is { } engine && DependencyResolvePolicy.IsOnlyOurs(engine) && CandidatePath(engine) is { } path
            ? DependencyLoadContext.Instance.LoadFromAssemblyPath(path)
            : null;

    /// <summary>The private context holding Core, RestSharp, Polly and System.Text.Json.</summary>
    private sealed class DependencyLoadContext : System.Runtime.Loader.AssemblyLoadContext
    {
        internal static readonly DependencyLoadContext Instance = new();

        private DependencyLoadContext() : base("OutboundPS.Dependencies")
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            CandidatePath(assemblyName.Name) is { } path ? LoadFromAssemblyPath(path) : null;
    }
#else
    private static Assembly? ResolveOwnRequests(object? sender, ResolveEventArgs args) =>
        DependencyResolvePolicy.PathToLoad(DependencyFolder, args.Name, args.RequestingAssembly) is { } path ? Assembly.LoadFrom(path) : null;
#endif
}
