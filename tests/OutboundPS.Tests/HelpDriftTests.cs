using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>docs/design.md#help: the PlatyPS pages in docs/en-US say exactly what the cmdlets do, and every example runs against real parameters.</summary>
public sealed class HelpDriftTests
{
    private static readonly string DocsFolder = Path.Combine(ModuleMetadata.Root, "docs", "en-US");

    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv",
    };

    /// <summary>A parameter as the cmdlet class declares it.</summary>
    private sealed record CodeParameter(string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<CommandDoc.SetEntry> Sets);

    private static Dictionary<string, IReadOnlyList<CodeParameter>> CodeParameters() =>
        ModuleMetadata.CmdletTypes.ToDictionary(ModuleMetadata.CmdletName, type =>
        {
            var declared = type.GetProperties().Select(p => (Property: p, Attributes: p.GetCustomAttributesData()))
                .Where(p => p.Attributes.Any(a => a.AttributeType.Name == "ParameterAttribute"))
                .Select(p => new CodeParameter(p.Property.Name, TypeName(p.Property.PropertyType),
                    p.Attributes.Where(a => a.AttributeType.Name == "AliasAttribute")
                        .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)).ToList(),
                    p.Attributes.Where(a => a.AttributeType.Name == "ParameterAttribute").Select(a => new CommandDoc.SetEntry(
                        (string?)ModuleMetadata.Named(a, "ParameterSetName") ?? "(All)",
                        ModuleMetadata.Named(a, "Position") is int position && position >= 0 ? position.ToString() : "Named",
                        (bool?)ModuleMetadata.Named(a, "Mandatory") ?? false,
                        (bool?)ModuleMetadata.Named(a, "ValueFromPipeline") ?? false,
                        (bool?)ModuleMetadata.Named(a, "ValueFromPipelineByPropertyName") ?? false)).ToList()))
                .ToList();
            var cmdlet = ModuleMetadata.Cmdlet(type);
            var optional = new CommandDoc.SetEntry("(All)", "Named", false, false, false);
            if ((bool?)ModuleMetadata.Named(cmdlet, "SupportsShouldProcess") == true)
            {
                declared.Add(new CodeParameter("WhatIf", "System.Management.Automation.SwitchParameter", new[] { "wi" }, new[] { optional }));
                declared.Add(new CodeParameter("Confirm", "System.Management.Automation.SwitchParameter", new[] { "cf" }, new[] { optional }));
            }

            if ((bool?)ModuleMetadata.Named(cmdlet, "SupportsPaging") == true)
            {
                declared.Add(new CodeParameter("First", "System.UInt64", Array.Empty<string>(), new[] { optional }));
                declared.Add(new CodeParameter("Skip", "System.UInt64", Array.Empty<string>(), new[] { optional }));
                declared.Add(new CodeParameter("IncludeTotalCount", "System.Management.Automation.SwitchParameter", Array.Empty<string>(), new[] { optional }));
            }

            return (IReadOnlyList<CodeParameter>)declared;
        });

    /// <summary>PlatyPS's spelling of a type: System.String[], System.Nullable`1[System.Int32].</summary>
    private static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Namespace}.{type.Name}[{string.Join(",", type.GetGenericArguments().Select(TypeName))}]" : type.ToString();

    private static IReadOnlyList<CommandDoc> Pages() =>
        Directory.GetFiles(DocsFolder, "*-*.md").Select(CommandDoc.Parse).ToList();

    [Fact]
    public void EveryCmdlet_HasAPage_AndEveryPageIsACmdlet()
    {
        var code = CodeParameters().Keys.OrderBy(n => n);
        Assert.Equal(code, Pages().Select(p => p.FrontMatter["title"]).OrderBy(n => n));
        Assert.All(Pages(), p => Assert.Equal(p.FrontMatter["title"] + ".md", Path.GetFileName(p.Path)));
    }

    [Fact]
    public void EveryPage_FollowsThePlatyPS2024Schema()
    {
        string[] sections = { "SYNOPSIS", "SYNTAX", "ALIASES", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };
        foreach (var page in Pages())
        {
            Assert.Equal("cmdlet", page.FrontMatter["document type"]);
            Assert.Equal("2024-05-01", page.FrontMatter["PlatyPS schema version"]);
            Assert.Equal("OutboundPS.dll-Help.xml", page.FrontMatter["external help file"]);
            Assert.Equal("OutboundPS", page.FrontMatter["Module Name"]);
            Assert.Equal("en-US", page.FrontMatter["Locale"]);
            Assert.Equal(sections, page.Sections);
            Assert.True(page.ExampleTitles.Count >= 2, $"{page.Path} has fewer than two examples.");
            Assert.All(page.ExampleTitles.Select((t, i) => (t, i)), e => Assert.StartsWith($"Example {e.i + 1}: ", e.t));
        }
    }

    [Fact]
    public void EveryParameter_IsDocumented_AsTheCodeDeclaresIt()
    {
        var code = CodeParameters();
        foreach (var page in Pages())
        {
            var cmdlet = page.FrontMatter["title"];
            var declared = code[cmdlet];
            Assert.True(declared.Select(p => p.Name).OrderBy(n => n).SequenceEqual(page.Parameters.Select(p => p.Name).OrderBy(n => n)),
                $"{cmdlet}: documented [{string.Join(", ", page.Parameters.Select(p => p.Name))}] but declared [{string.Join(", ", declared.Select(p => p.Name))}]");
            foreach (var parameter in declared)
            {
                var doc = page.Parameters.Single(p => p.Name == parameter.Name);
                var where = $"{cmdlet} -{parameter.Name}";
                Assert.True(parameter.Type == doc.Type, $"{where}: type {doc.Type} documented, {parameter.Type} declared");
                Assert.True(parameter.Aliases.OrderBy(a => a).SequenceEqual(doc.Aliases.OrderBy(a => a)), $"{where}: aliases differ");
                Assert.True(parameter.Sets.OrderBy(s => s.Name).SequenceEqual(doc.Sets.OrderBy(s => s.Name)),
                    $"{where}: parameter sets, position, mandatory or pipeline input differ: documented {string.Join("; ", doc.Sets)}, declared {string.Join("; ", parameter.Sets)}");
            }
        }
    }

    [Fact]
    public void NewTaskAndImport_HaveAnExamplePerVendor()
    {
        foreach (var name in new[] { "New-OutboundTask", "Import-OutboundCustomer" })
        {
            var titles = CommandDoc.Parse(Path.Combine(DocsFolder, name + ".md")).ExampleTitles;
            Assert.Contains(titles, t => t.Contains("iFlytek"));
            Assert.Contains(titles, t => t.Contains("BYRobot"));
        }
    }

    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(DocsFolder, "*.md").Append(Path.Combine(ModuleMetadata.Root, "README.md"))
                     .Concat(Directory.GetFiles(Path.Combine(ModuleMetadata.Root, "docs", "examples"), "*.ps1", SearchOption.AllDirectories)))
            data.Add(Path.GetRelativePath(ModuleMetadata.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Examples_UseOnlyCmdletsAndParametersThatExist(string file)
    {
        var code = CodeParameters();
        var text = File.ReadAllText(Path.Combine(ModuleMetadata.Root, file));
        var scripts = file.EndsWith(".ps1", StringComparison.Ordinal)
            ? new[] { text }
            // A fence may be tagged powershell or pwsh, in any case, and a file may end its lines with CRLF.
            : Regex.Matches(text, "```(?:powershell|pwsh)[ \\t]*\\r?\\n(.*?)```", RegexOptions.Singleline | RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value).ToArray();
        var checkedCalls = 0;
        foreach (var script in scripts)
        {
            // Quoted text may contain anything; commands end at pipes, statement ends and brackets.
            var bare = Regex.Replace(script, @"'(?:[^']|'')*'|""(?:[^""`]|`.)*""", "''");
            foreach (var segment in Regex.Split(bare, @"[|;\n(){}]"))
            {
                var call = Regex.Match(segment, @"(?<![\w-])([A-Z][A-Za-z]+-Outbound[A-Za-z]*)\b(.*)$");
                if (!call.Success) continue;
                var cmdlet = call.Groups[1].Value;
                Assert.True(code.ContainsKey(cmdlet), $"{file}: '{cmdlet}' is not an OutboundPS cmdlet");
                var names = code[cmdlet].SelectMany(p => p.Aliases.Append(p.Name)).Concat(CommonParameters).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (Match parameter in Regex.Matches(call.Groups[2].Value, @"(?<![\w$.\\-])-([A-Za-z][A-Za-z0-9]*)"))
                    Assert.True(names.Contains(parameter.Groups[1].Value), $"{file}: {cmdlet} has no parameter -{parameter.Groups[1].Value}");
                checkedCalls++;
            }
        }

        // A file whose examples were all missed (an unknown fence, a line ending the reader did not expect) must not pass unread.
        Assert.True(checkedCalls > 0, $"{file}: no OutboundPS command found in its examples");
    }
}
