using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>A comment cites a file a maintainer can open: docs/vendors, docs/design.md, never the product's outside documents.</summary>
public sealed class CitationTests
{
    // Spelled in pieces, so that this file does not cite them itself.
    private static readonly Regex OutsideDocument = new("vendor-api" + @"\.md|SPEC" + " §", RegexOptions.CultureInvariant);

    [Fact]
    public void NoSourceOrTestFile_CitesADocumentOutsideTheRepository()
    {
        var files = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(ModuleMetadata.Root, folder), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".ps1", StringComparison.Ordinal) || f.EndsWith(".psm1", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var citing = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => OutsideDocument.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(ModuleMetadata.Root, l.File)}:{l.Line}")
            .ToList();
        Assert.True(citing.Count == 0, "Cite docs/vendors/*.md or docs/design.md instead: " + string.Join(", ", citing));
    }
}
