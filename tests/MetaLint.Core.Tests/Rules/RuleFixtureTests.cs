using MetaLint.Core.Configuration;
using MetaLint.Core.IO;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Rules;

/// Runs each rule alone over testdata/rules/&lt;ID&gt;/fires and clean: findings must match the
/// `<!-- expect: ID -->` markers (or fires/expect.txt) exactly, with the messages in fires.approved.txt, and clean
/// must be silent.
public class RuleFixtureTests
{
    public static TheoryData<string> Ids => [.. RuleCatalog.All.Select(r => r.Descriptor.Id)];

    [Theory, MemberData(nameof(Ids))]
    public void Fires_exactly_on_marked_lines(string id)
    {
        var folder = Repo.Path("testdata", "rules", id, "fires");
        var result = Run.Fixture(folder, FolderConfig(folder), id);
        var actual = result.Findings.Select(f => $"{f.Path}:{f.Span.StartLine} {f.RuleId}").Order(StringComparer.Ordinal);
        // A comparison rule's markers sit in head/ (paths relative to it); base/ has none.
        var expected = Expected(Run.Compares(id) ? Path.Combine(folder, "head") : folder, id);
        expected.ShouldNotBeEmpty($"{id} has no expectations in {folder}");
        actual.ShouldBe(expected);
        // The messages, pinned per rule: what a user reads for each marked finding.
        Approved.ShouldMatchFile(
            string.Concat(result.Findings.Select(f => $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn} {f.Level.ToText()} {f.Message}\n")
                .Order(StringComparer.Ordinal)),
            Repo.Path("testdata", "rules", id, "fires.approved.txt"));
        Run.Sarif(result);
    }

    [Theory, MemberData(nameof(Ids))]
    public void Is_silent_on_clean_fixtures(string id)
    {
        var folder = Repo.Path("testdata", "rules", id, "clean");
        var result = Run.Fixture(folder, FolderConfig(folder), id);
        result.Discovery.Files.ShouldNotBeEmpty();
        result.Findings.Select(f => $"{f.Path}:{f.Span.StartLine} {f.RuleId}: {f.Message}").ShouldBeEmpty();
    }

    /// A fixture folder may carry its own rules.yml (exceptions, policy, options); otherwise the defaults.
    private static MetaLintConfig? FolderConfig(string folder)
    {
        var path = Path.Combine(folder, ConfigLoader.FileName);
        return File.Exists(path) ? ConfigLoader.Load(path) : null;
    }

    /// Markers in metadata files, plus `path:line` rows of fires/expect.txt (for findings no marker can sit on).
    internal static List<string> Expected(string folder, string id)
    {
        var expected = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (rel == ConfigLoader.FileName || InputFile.Kind(file) != FileKind.Regular) continue;   // a dangling link (ML0002)
            if (rel == "expect.txt")
            {
                foreach (var line in File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
                    expected.Add($"{line} {id}");
                continue;
            }
            var n = 0;
            foreach (var line in File.ReadLines(file))
            {
                n++;
                if (ExpectMarker.Ids(line).Contains(id)) expected.Add($"{rel}:{n} {id}");
            }
        }
        return expected.Order(StringComparer.Ordinal).ToList();
    }
}
