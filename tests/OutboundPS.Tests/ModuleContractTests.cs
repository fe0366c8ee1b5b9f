using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The PowerShell-facing contract, read from metadata and the built module folder.</summary>
public sealed class ModuleContractTests
{
    private static readonly string[] StateChanging =
    {
        "New-OutboundTask", "Set-OutboundTask", "Start-OutboundTask", "Suspend-OutboundTask", "Stop-OutboundTask",
        "Remove-OutboundTask", "Import-OutboundCustomer", "Invoke-OutboundCall",
    };

    private static string[] ManifestCmdlets()
    {
        var text = File.ReadAllText(Path.Combine(ModuleMetadata.Root, "OutboundPS.psd1"));
        var block = Regex.Match(text, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
        return Regex.Matches(block, @"'([^']+)'").Select(m => m.Groups[1].Value).ToArray();
    }

    [Fact]
    public void ModuleFolder_HasManifestLoaderFormatFileAndBothTargets()
    {
        foreach (var file in new[] { "OutboundPS.psd1", "OutboundPS.psm1", "OutboundPS.format.ps1xml", "net8.0/OutboundPS.dll",
                     "netstandard2.0/OutboundPS.dll", "net8.0/Dependencies/OutboundPS.Core.dll", "netstandard2.0/Dependencies/RestSharp.dll",
                     "net8.0/Dependencies/PhoneNumbers.dll", "netstandard2.0/Dependencies/PhoneNumbers.dll", "netstandard2.0/Dependencies/System.Collections.Immutable.dll" })
            Assert.True(File.Exists(Path.Combine(ModuleMetadata.ModuleFolder, file)), file);
        Assert.Contains("$PSEdition", File.ReadAllText(Path.Combine(ModuleMetadata.ModuleFolder, "OutboundPS.psm1")));
    }

    [Fact]
    public void CmdletsToExport_EqualsTheCmdletClassesInTheAssembly()
    {
        var manifest = ManifestCmdlets();
        Assert.DoesNotContain(manifest, name => name.Contains('*'));
        Assert.Equal(manifest.OrderBy(n => n), ModuleMetadata.CmdletTypes.Select(ModuleMetadata.CmdletName).OrderBy(n => n));
    }

    [Fact]
    public void ManifestVersion_MatchesTheAssemblyVersion()
    {
        var text = File.ReadAllText(Path.Combine(ModuleMetadata.Root, "OutboundPS.psd1"));
        var version = Regex.Match(text, @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;
        Assert.Equal(Version.Parse(version), new Version(ModuleMetadata.CmdletAssembly.GetName().Version!.ToString(3)));
    }

    [Fact]
    public void FormatFile_NamesOnlyRealTypes_AndEveryOutputTypeHasAView()
    {
        var format = XDocument.Load(Path.Combine(ModuleMetadata.ModuleFolder, "OutboundPS.format.ps1xml"));
        var named = format.Descendants("TypeName").Select(e => e.Value).ToList();
        var core = ModuleMetadata.Load("OutboundPS.Core");
        Assert.All(named, name => Assert.NotNull(core.GetType(name)));
        foreach (var table in format.Descendants("TableHeaders"))
            Assert.True(table.Elements().Sum(h => int.Parse(h.Element("Width")!.Value)) + table.Elements().Count() - 1 <= 120);
        var outputs = ModuleMetadata.CmdletTypes.SelectMany(t => t.GetCustomAttributesData().Where(a => a.AttributeType.Name == "OutputTypeAttribute"))
            .SelectMany(a => ((System.Collections.Generic.IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (Type)v.Value!))
            .Where(t => t.Namespace == "OutboundPS").Select(t => t.FullName!).Distinct();
        Assert.All(outputs, type => Assert.Contains(type, named));
    }

    [Fact]
    public void EveryCmdlet_UsesAnApprovedVerbAndTheOutboundNoun_AndDeclaresOutputType()
    {
        var sma = ModuleMetadata.Load("System.Management.Automation");
        var approved = new[] { "VerbsCommon", "VerbsCommunications", "VerbsData", "VerbsDiagnostic", "VerbsLifecycle", "VerbsOther", "VerbsSecurity" }
            .SelectMany(c => sma.GetType("System.Management.Automation." + c)!.GetFields()).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        foreach (var type in ModuleMetadata.CmdletTypes)
        {
            var attribute = ModuleMetadata.Cmdlet(type);
            Assert.Contains((string)attribute.ConstructorArguments[0].Value!, approved);
            Assert.StartsWith("Outbound", (string)attribute.ConstructorArguments[1].Value!);
            Assert.Contains(type.GetCustomAttributesData(), a => a.AttributeType.Name == "OutputTypeAttribute");
            Assert.True(type.IsSealed, type.Name);
        }
    }

    [Fact]
    public void StateChangingCmdlets_SupportShouldProcess_AndRemoveIsHighImpact()
    {
        foreach (var type in ModuleMetadata.CmdletTypes.Where(t => StateChanging.Contains(ModuleMetadata.CmdletName(t))))
            Assert.True((bool?)ModuleMetadata.Named(ModuleMetadata.Cmdlet(type), "SupportsShouldProcess") == true, type.Name);
        var remove = ModuleMetadata.CmdletTypes.Single(t => ModuleMetadata.CmdletName(t) == "Remove-OutboundTask");
        Assert.Equal(3, (int)ModuleMetadata.Named(ModuleMetadata.Cmdlet(remove), "ConfirmImpact")!); // ConfirmImpact.High
    }

    [Fact]
    public void TaskIds_BindFromPipelineByPropertyName_ThroughIdAndTaskId()
    {
        foreach (var name in new[] { "Get-OutboundTask", "Start-OutboundTask", "Suspend-OutboundTask", "Stop-OutboundTask", "Remove-OutboundTask", "Wait-OutboundTask", "Set-OutboundTask" })
        {
            var type = ModuleMetadata.CmdletTypes.Single(t => ModuleMetadata.CmdletName(t) == name);
            var id = type.GetProperty("Id")!;
            var parameter = id.GetCustomAttributesData().First(a => a.AttributeType.Name == "ParameterAttribute");
            Assert.True((bool?)ModuleMetadata.Named(parameter, "ValueFromPipelineByPropertyName") == true, name);
            var alias = id.GetCustomAttributesData().Single(a => a.AttributeType.Name == "AliasAttribute");
            Assert.Contains("TaskId", ((System.Collections.Generic.IEnumerable<CustomAttributeTypedArgument>)alias.ConstructorArguments[0].Value!).Select(v => (string)v.Value!));
            var session = type.GetProperty("Session")!.GetCustomAttributesData().First(a => a.AttributeType.Name == "ParameterAttribute");
            Assert.True((bool?)ModuleMetadata.Named(session, "ValueFromPipelineByPropertyName") == true, name);
        }

        var task = ModuleMetadata.Load("OutboundPS.Core").GetType("OutboundPS.OutboundTask")!;
        Assert.NotNull(task.GetProperty("Id"));
        Assert.NotNull(task.GetProperty("TaskId"));
        Assert.NotNull(task.GetProperty("Session"));
    }

    [Fact]
    public void CmdletAssembly_DoesNotReferenceIsolatedDependenciesDirectly()
    {
        var references = ModuleMetadata.CmdletAssembly.GetReferencedAssemblies().Select(r => r.Name).ToArray();
        Assert.DoesNotContain("RestSharp", references);
        Assert.DoesNotContain("Polly.Core", references);
        Assert.DoesNotContain("PhoneNumbers", references);
        Assert.DoesNotContain("System.Text.Json", references);
    }

    [Fact]
    public void ErrorKinds_AreAllPowerShellErrorCategories()
    {
        var category = ModuleMetadata.Load("System.Management.Automation").GetType("System.Management.Automation.ErrorCategory")!;
        var names = category.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToHashSet();
        Assert.All(Enum.GetNames<OutboundErrorKind>(), kind => Assert.Contains(kind, names));
    }

    [Fact]
    public void ExportedTypes_LoadWithoutCore()
    {
        // PowerShell enumerates ExportedTypes before IModuleAssemblyInitializer.OnImport registers the resolver that
        // finds Core in Dependencies/. Loading a type loads its base types, interfaces and value-type field layouts.
        string[] isolated = { "OutboundPS.Core", "OutboundPS.Sandbox", "RestSharp", "Polly.Core", "System.Text.Json", "PhoneNumbers" };
        foreach (var type in ModuleMetadata.CmdletAssembly.GetExportedTypes())
        {
            for (var t = type; t is not null; t = t.BaseType)
                Assert.DoesNotContain(t.Assembly.GetName().Name, isolated);
            Assert.All(type.GetInterfaces(), i => Assert.DoesNotContain(i.Assembly.GetName().Name, isolated));
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            foreach (var field in fields.Where(f => f.FieldType.IsValueType))
            {
                var fieldType = Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType;
                Assert.False(isolated.Contains(fieldType.Assembly.GetName().Name), $"{type.Name}.{field.Name} is a {fieldType.Name}");
            }
        }
    }
}
