using MetaLint.Core.Discovery;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Hostile;

/// One run over testdata/hostile: broken files sit beside good ones, and each is checked on its own.
public sealed class HostileFixtureTests
{
    private static readonly string Folder = Repo.Path("testdata", "hostile");
    private static readonly Lazy<AnalysisResult> Result = new(() => HostileRun.Folder(Folder));

    /// file -> (line, column, message fragment) of its single ML0001.
    private static readonly Dictionary<string, (int Line, int Column, string Fragment)> Broken = ReadExpectations();

    private static readonly List<string> FixtureNames = Directory.GetFiles(Folder)
        .Select(p => Path.GetFileName(p)).Where(n => SuffixTable.Recognise(n) != null).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Files => [.. FixtureNames];

    [Theory, MemberData(nameof(Files))]
    public void File_gets_exactly_its_findings(string file)
    {
        var actual = HostileRun.Of(Result.Value, file);
        if (Broken.TryGetValue(file, out var broken))
        {
            var finding = Result.Value.Findings.Where(f => f.Path == file).ShouldHaveSingleItem();
            finding.RuleId.ShouldBe("ML0001");
            (finding.Span.StartLine, finding.Span.StartColumn).ShouldBe((broken.Line, broken.Column));
            finding.Message.ShouldContain(broken.Fragment, Case.Insensitive);
        }
        else
        {
            var expected = Markers.Read(Path.Combine(Folder, file));
            expected.ShouldNotBeEmpty("a well-formed fixture must mark at least one finding");
            actual.ShouldBe(expected);
        }
    }

    [Fact]
    public void Every_fixture_is_discovered_and_every_expectation_names_a_fixture()
    {
        Result.Value.Discovery.Files.Select(f => f.RelativePath).ShouldBe(FixtureNames, ignoreOrder: true);
        Broken.Keys.ShouldAllBe(k => File.Exists(Path.Combine(Folder, k)));
        Result.Value.Findings.Count(f => f.RuleId == "ML0001").ShouldBe(Broken.Count);
    }

    [Fact]
    public void Local_file_named_by_an_external_entity_never_reaches_a_report()
    {
        // xxe-passwd.profile-meta.xml points an entity at /etc/passwd; its first line is "root:x:0:0:...".
        var report = Reports.RenderAll(Result.Value);
        report.ShouldNotContain("root:x:0");
        report.ShouldNotContain("/bin/bash");
    }

    private static Dictionary<string, (int, int, string)> ReadExpectations()
    {
        var result = new Dictionary<string, (int, int, string)>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(Path.Combine(Folder, "expect.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            var pos = parts[1].Split(':');
            result[parts[0]] = (int.Parse(pos[0]), int.Parse(pos[1]), parts[2].Trim());
        }
        return result;
    }
}
