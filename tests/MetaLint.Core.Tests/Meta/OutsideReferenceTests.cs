using System.Text.RegularExpressions;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Meta;

/// Source comments and user-facing pages cite only what the repository holds: the design notes the code was
/// written from are not in it, so a reader could not follow such a reference.
public sealed partial class OutsideReferenceTests
{
    [GeneratedRegex(@"\b(domain|contract|style)\.md\b|shared/docs")]
    private static partial Regex OutsideDocument();

    [Fact]
    public void No_source_file_or_page_cites_a_document_outside_the_repository()
    {
        var files = new[] { "src", "rules", "docs", "examples", "testdata/sample-org" }
            .Select(d => Repo.Path(d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetExtension(f) is ".cs" or ".csproj" or ".md")
            .Append(Repo.Path("README.md"));
        var citing = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => OutsideDocument().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Repo.Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        citing.ShouldBeEmpty();
    }
}
