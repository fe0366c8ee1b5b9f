using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace OutboundPS.Tests.Support;

/// <summary>The built module folder, and its cmdlet assembly read as metadata (PowerShell never runs here).</summary>
internal static class ModuleMetadata
{
    internal static readonly string Root = FindRoot();
    internal static readonly string ModuleFolder = Path.Combine(Root, "out", "OutboundPS");
    private static readonly Lazy<MetadataLoadContext> Context = new(CreateContext);

    internal static Assembly CmdletAssembly => Context.Value.LoadFromAssemblyPath(Path.Combine(ModuleFolder, "net8.0", "OutboundPS.dll"));

    internal static Assembly Load(string name) => Context.Value.LoadFromAssemblyName(name);

    internal static IEnumerable<Type> CmdletTypes => CmdletAssembly.GetTypes().Where(t =>
        !t.IsAbstract && t.GetCustomAttributesData().Any(a => a.AttributeType.Name == "CmdletAttribute"));

    internal static CustomAttributeData Cmdlet(Type type) => type.GetCustomAttributesData().Single(a => a.AttributeType.Name == "CmdletAttribute");

    internal static string CmdletName(Type type)
    {
        var attribute = Cmdlet(type);
        return $"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}";
    }

    internal static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

    private static MetadataLoadContext CreateContext()
    {
        var paths = new List<string>(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll"));
        paths.AddRange(Directory.GetFiles(Path.Combine(ModuleFolder, "net8.0"), "*.dll", SearchOption.AllDirectories));
        paths.Add(Path.Combine(AppContext.BaseDirectory, "PowerShellReference", "System.Management.Automation.dll"));
        return new MetadataLoadContext(new PathAssemblyResolver(paths.GroupBy(Path.GetFileName).Select(g => g.First())));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OutboundPS.sln"))) return dir.FullName;
        throw new InvalidOperationException("OutboundPS.sln not found above the test folder.");
    }
}
