using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// The rooms and the one way their dependencies point (docs/design.md#rooms): cmdlets → Core's contract → vendor
/// folders. Read from the sources: every file is named after the one type it declares, so a file that names a type
/// depends on that type's folder.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly string Src = Path.Combine(ModuleMetadata.Root, "src");

    /// <summary>A source tree: folder of each file, the types each folder declares, the identifiers each file uses.</summary>
    internal sealed class SourceTree
    {
        private static readonly Regex Declaration = new(@"\b(?:class|struct|interface|enum|record)\s+([A-Z]\w*)", RegexOptions.Compiled);
        private static readonly Regex Identifier = new(@"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*", RegexOptions.Compiled);

        internal SourceTree(string root, IReadOnlyDictionary<string, string>? extraFiles = null)
        {
            var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);
            foreach (var (path, text) in extraFiles ?? new Dictionary<string, string>()) files[path] = text;
            Code = files.ToDictionary(f => f.Key, f => CSharpCode.WithoutCommentsAndText(f.Value));
            TypeFolders = new Dictionary<string, string>();
            foreach (var (path, code) in Code)
                foreach (Match match in Declaration.Matches(code))
                    TypeFolders.TryAdd(match.Groups[1].Value, FolderOf(path));
        }

        /// <summary>File → code without comments and the text of literals; the code in interpolation holes stays.</summary>
        internal Dictionary<string, string> Code { get; }

        /// <summary>Type name → the folder that declares it.</summary>
        internal Dictionary<string, string> TypeFolders { get; }

        internal static string FolderOf(string path)
        {
            var parts = path.Split(Path.DirectorySeparatorChar);
            return parts.Length == 1 ? "(root)" : parts[0];
        }

        /// <summary>Folder → the other folders whose types or namespaces it names.</summary>
        internal Dictionary<string, HashSet<string>> Edges(IEnumerable<string> namespaceFolders)
        {
            var folders = namespaceFolders.ToHashSet();
            var edges = new Dictionary<string, HashSet<string>>();
            foreach (var (path, code) in Code)
            {
                var from = FolderOf(path);
                var targets = edges.TryGetValue(from, out var set) ? set : edges[from] = new HashSet<string>();
                foreach (Match match in Identifier.Matches(code))
                {
                    foreach (var part in match.Value.Split('.'))
                        if (TypeFolders.TryGetValue(part, out var folder) && folder != from) targets.Add(folder);
                    // A namespace named after a folder (OutboundPS.ByRobot) also reaches into it.
                    var segments = match.Value.Split('.');
                    for (var i = 0; i + 1 < segments.Length; i++)
                        if (segments[i] == "OutboundPS" && folders.Contains(segments[i + 1]) && segments[i + 1] != from) targets.Add(segments[i + 1]);
                }
            }

            return edges;
        }
    }

    private static readonly string CoreRoot = Path.Combine(Src, "OutboundPS.Core");
    private static readonly string CmdletRoot = Path.Combine(Src, "OutboundPS");
    private static readonly string SandboxRoot = Path.Combine(Src, "OutboundPS.Sandbox");

    /// <summary>Core's vendor folders: those whose code declares a VendorDescriptor.</summary>
    private static string[] VendorFolders(SourceTree core) =>
        core.Code.Where(f => Regex.IsMatch(f.Value, @":\s*VendorDescriptor\b")).Select(f => SourceTree.FolderOf(f.Key)).Distinct().ToArray();

    private static string[] SimulatorFolders(SourceTree sandbox) =>
        sandbox.Code.Where(f => Regex.IsMatch(f.Value, @":\s*SimulatorDescriptor\b")).Select(f => SourceTree.FolderOf(f.Key)).Distinct().ToArray();

    internal static IEnumerable<string> Violations(SourceTree core, SourceTree cmdlets, SourceTree sandbox)
    {
        var vendors = VendorFolders(core);
        var coreFolders = core.Code.Keys.Select(SourceTree.FolderOf).Distinct().ToArray();
        var edges = core.Edges(coreFolders);

        foreach (var (path, code) in cmdlets.Code)
            foreach (var vendor in vendors)
                if (Regex.IsMatch(code, $@"\bOutboundPS\.{vendor}\b") || core.TypeFolders.Where(t => t.Value == vendor).Any(t => Regex.IsMatch(code, $@"\b{t.Key}\b")))
                    yield return $"cmdlet file {path} names vendor folder {vendor}";

        foreach (var (path, code) in core.Code)
        {
            if (code.Contains("OutboundPS.Sandbox")) yield return $"Core file {path} names the Sandbox";
            if (code.Contains("System.Management.Automation")) yield return $"Core file {path} names PowerShell";
        }

        foreach (var vendor in vendors)
            foreach (var other in vendors.Where(v => v != vendor))
                if (edges.TryGetValue(vendor, out var targets) && targets.Contains(other))
                    yield return $"vendor folder {vendor} names vendor folder {other}";

        foreach (var (folder, targets) in edges.Where(e => !vendors.Contains(e.Key)))
            foreach (var vendor in targets.Intersect(vendors))
                yield return $"Core folder {folder} names vendor folder {vendor}; only the vendor's own folder may";

        if (FindCycle(edges) is { } cycle) yield return "Core folders depend on each other in a cycle: " + string.Join(" → ", cycle);

        var simulators = SimulatorFolders(sandbox);
        var sandboxEdges = sandbox.Edges(sandbox.Code.Keys.Select(SourceTree.FolderOf).Distinct());
        foreach (var (folder, targets) in sandboxEdges)
            foreach (var simulator in targets.Intersect(simulators).Where(s => s != folder))
                yield return $"Sandbox folder {folder} names simulator folder {simulator}";
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> edges)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets : new HashSet<string>())
            {
                if (state.GetValueOrDefault(next) == 1) return path.SkipWhile(n => n != next).Append(next).ToList();
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found) return found;
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in edges.Keys.OrderBy(n => n))
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle) return cycle;
        return null;
    }

    [Fact]
    public void TheSources_KeepEveryRule()
    {
        var core = new SourceTree(CoreRoot);

        Assert.Empty(Violations(core, new SourceTree(CmdletRoot), new SourceTree(SandboxRoot)));
        // The rules had something to check: both vendors were found as vendor folders.
        Assert.Equal(new[] { "ByRobot", "IFlytek" }, VendorFolders(core).OrderBy(v => v));
    }

    public static TheoryData<string, string, string, string> BrokenRules => new()
    {
        { "cmdlet", "Commands/Broken.cs", "namespace OutboundPS.Commands; class Broken { object X = OutboundPS.ByRobot.ByRobotVendor.Id; }", "names vendor folder ByRobot" },
        { "core", "Sessions/Broken.cs", "namespace OutboundPS.Sessions; class Broken { object X = typeof(OutboundPS.Sandbox.SandboxBackends); }", "names the Sandbox" },
        { "core", "Model/Broken.cs", "namespace OutboundPS; class Broken : System.Management.Automation.PSCmdlet { }", "names PowerShell" },
        { "core", "IFlytek/Broken.cs", "namespace OutboundPS.IFlytek; class Broken { object X = ByRobotStatusMap.StalledBy(null!); }", "vendor folder IFlytek names vendor folder ByRobot" },
        { "core", "Import/Broken.cs", "namespace OutboundPS.Import; class Broken { object X = new IFlytekColumnPlanUser(); } class IFlytekColumnPlanUser { object Y = IFlytekVendor.Id; }", "Core folder Import names vendor folder IFlytek" },
        { "core", "Model/Broken.cs", "namespace OutboundPS; class Broken { object X = typeof(SessionRegistry); }", "cycle" },
        { "sandbox", "IFlytek/Broken.cs", "namespace OutboundPS.Sandbox.IFlytek; class Broken { object X = typeof(ByRobotSimulator); }", "names simulator folder ByRobot" },
        // A type named inside an interpolated or raw string's holes is code like any other.
        { "cmdlet", "Commands/Broken.cs", "namespace OutboundPS.Commands; class Broken { string X = $\"vendor {OutboundPS.ByRobot.ByRobotVendor.Id}\"; }", "names vendor folder ByRobot" },
        { "cmdlet", "Commands/Broken.cs", "namespace OutboundPS.Commands; class Broken { string X = $@\"C:\\{ByRobotVendor.Id}\"; }", "names vendor folder ByRobot" },
        { "core", "Import/Broken.cs", "namespace OutboundPS.Import; class Broken { string X = $\"{(IFlytekVendor.Id is { } id ? $\"[{id}]\" : \"\")}\"; }", "Core folder Import names vendor folder IFlytek" },
        { "core", "Import/Broken.cs", "namespace OutboundPS.Import; class Broken { string X = $\"\"\"\n  \"{IFlytekVendor.Id}\" {{text}}\n  \"\"\"; }", "Core folder Import names vendor folder IFlytek" },
        { "core", "Import/Broken.cs", "namespace OutboundPS.Import; class Broken { string X = $$\"\"\"{ {{IFlytekVendor.Id:D}} }\"\"\"; }", "Core folder Import names vendor folder IFlytek" },
        { "sandbox", "IFlytek/Broken.cs", "namespace OutboundPS.Sandbox.IFlytek; class Broken { string X = $\"{'\"'}{typeof(ByRobotSimulator)}\"; }", "names simulator folder ByRobot" },
    };

    /// <summary>Words in comments and in the text of strings (plain, verbatim, raw, and around interpolation holes) are no dependency.</summary>
    public static TheoryData<string> Texts => new()
    {
        "namespace OutboundPS.Commands; class Text { // OutboundPS.ByRobot.ByRobotVendor\n /* ByRobotVendor */ }",
        "namespace OutboundPS.Commands; class Text { string X = \"OutboundPS.ByRobot \\\" ByRobotVendor\"; }",
        "namespace OutboundPS.Commands; class Text { string X = @\"C:\\\"; string Y = \"ByRobotVendor\"; }",
        "namespace OutboundPS.Commands; class Text { string X = \"\"\"\n  \"ByRobotVendor\" {ByRobotVendor.Id}\n  \"\"\"; }",
        "namespace OutboundPS.Commands; class Text { string X = $\"ByRobotVendor {{ByRobotVendor.Id}} {0:ByRobotVendor}\"; char Q = '\"'; }",
        "namespace OutboundPS.Commands; class Text { string X = $$\"\"\"{ByRobotVendor.Id} {{1}}\"\"\"; }",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_IsNotCode(string code)
    {
        var cmdlets = new SourceTree(CmdletRoot, new Dictionary<string, string> { [Path.Combine("Commands", "Text.cs")] = code });

        Assert.Empty(Violations(new SourceTree(CoreRoot), cmdlets, new SourceTree(SandboxRoot)));
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void ABrokenRule_IsReported(string tree, string path, string code, string expected)
    {
        var extra = new Dictionary<string, string> { [path.Replace('/', Path.DirectorySeparatorChar)] = code };
        var core = new SourceTree(CoreRoot, tree == "core" ? extra : null);
        var cmdlets = new SourceTree(CmdletRoot, tree == "cmdlet" ? extra : null);
        var sandbox = new SourceTree(SandboxRoot, tree == "sandbox" ? extra : null);

        Assert.Contains(Violations(core, cmdlets, sandbox), v => v.Contains(expected, StringComparison.Ordinal));
    }
}
