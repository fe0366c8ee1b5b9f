using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace OutboundPS.Tests.Support;

/// <summary>A PlatyPS 1.x (schema 2024-05-01) cmdlet page, parsed into what the drift test compares.</summary>
internal sealed class CommandDoc
{
    internal sealed record SetEntry(string Name, string Position, bool IsRequired, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName);

    internal sealed record ParameterDoc(string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<SetEntry> Sets);

    private CommandDoc(string path, IReadOnlyDictionary<string, string> frontMatter, IReadOnlyList<string> sections,
        IReadOnlyList<ParameterDoc> parameters, IReadOnlyList<string> exampleTitles, string synopsis, IReadOnlyList<IReadOnlyList<string>> exampleCode)
    {
        Synopsis = synopsis;
        ExampleCode = exampleCode;
        Path = path;
        FrontMatter = frontMatter;
        Sections = sections;
        Parameters = parameters;
        ExampleTitles = exampleTitles;
    }

    internal string Path { get; }
    internal IReadOnlyDictionary<string, string> FrontMatter { get; }
    internal IReadOnlyList<string> Sections { get; }
    internal IReadOnlyList<ParameterDoc> Parameters { get; }
    internal IReadOnlyList<string> ExampleTitles { get; }

    /// <summary>The text under SYNOPSIS, lines joined by newlines.</summary>
    internal string Synopsis { get; }

    /// <summary>Each example's fenced code blocks, each block's lines joined by newlines.</summary>
    internal IReadOnlyList<IReadOnlyList<string>> ExampleCode { get; }

    internal static CommandDoc Parse(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != "---") throw new FormatException($"{path}: no YAML front matter.");
        var end = Array.IndexOf(lines, "---", 1);
        var front = lines.Skip(1).Take(end - 1).Select(l => l.Split(new[] { ':' }, 2))
            .Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        var body = lines.Skip(end + 1).ToArray();
        var sections = body.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l.Substring(3).Trim()).ToList();
        var parameters = new List<ParameterDoc>();
        var examples = new List<string>();
        var exampleCode = new List<List<List<string>>>();
        var synopsis = new List<string>();
        var section = string.Empty;
        var inFence = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i].StartsWith("## ", StringComparison.Ordinal))
            {
                section = body[i].Substring(3).Trim();
                continue;
            }

            if (section == "SYNOPSIS" && body[i].Trim().Length > 0) synopsis.Add(body[i].Trim());
            if (section == "EXAMPLES" && body[i].StartsWith("### Example ", StringComparison.Ordinal))
            {
                examples.Add(body[i].Substring(4));
                exampleCode.Add(new List<List<string>>());
            }
            else if (section == "EXAMPLES" && body[i].StartsWith("```", StringComparison.Ordinal) && exampleCode.Count > 0)
            {
                inFence = !inFence;
                if (inFence) exampleCode[exampleCode.Count - 1].Add(new List<string>());
            }
            else if (section == "EXAMPLES" && inFence && exampleCode.Count > 0) exampleCode[exampleCode.Count - 1][^1].Add(body[i]);

            if (section != "PARAMETERS" || !body[i].StartsWith("### -", StringComparison.Ordinal)) continue;
            var name = body[i].Substring(5).Trim();
            var start = Array.IndexOf(body, "```yaml", i);
            var stop = Array.IndexOf(body, "```", start + 1);
            parameters.Add(ParseYaml(name, body.Skip(start + 1).Take(stop - start - 1).ToArray()));
        }

        return new CommandDoc(path, front, sections, parameters, examples, string.Join("\n", synopsis),
            exampleCode.Select(blocks => (IReadOnlyList<string>)blocks.Select(lines => string.Join("\n", lines)).ToList()).ToList());
    }

    /// <summary>The fields of the parameter's yaml block the test compares; the block is flat but for two lists.</summary>
    private static ParameterDoc ParseYaml(string name, string[] yaml)
    {
        string Value(string key) => yaml.First(l => l.StartsWith(key + ":", StringComparison.Ordinal)).Substring(key.Length + 1).Trim();
        var aliases = new List<string>();
        var aliasLine = Array.FindIndex(yaml, l => l.StartsWith("Aliases:", StringComparison.Ordinal));
        for (var i = aliasLine + 1; i < yaml.Length && yaml[i].StartsWith("- ", StringComparison.Ordinal); i++) aliases.Add(yaml[i].Substring(2).Trim());
        var sets = new List<SetEntry>();
        var setLine = Array.FindIndex(yaml, l => l.StartsWith("ParameterSets:", StringComparison.Ordinal));
        for (var i = setLine + 1; i + 5 < yaml.Length && yaml[i].StartsWith("- Name:", StringComparison.Ordinal); i += 6)
        {
            string Field(int offset, string key) => Regex.Match(yaml[i + offset], $@"^\s*-?\s*{key}:\s*(.*)$").Groups[1].Value.Trim();
            sets.Add(new SetEntry(Field(0, "Name"), Field(1, "Position"), Field(2, "IsRequired") == "true",
                Field(3, "ValueFromPipeline") == "true", Field(4, "ValueFromPipelineByPropertyName") == "true"));
        }

        return new ParameterDoc(name, Value("Type"), aliases, sets);
    }
}
