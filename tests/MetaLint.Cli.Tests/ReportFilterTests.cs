using Newtonsoft.Json.Linq;

namespace MetaLint.Cli.Tests;

/// Issue 15 point 6 (command line): --min-level, --select, --ignore and --statistics on the sample org.
public sealed class ReportFilterTests
{
    private static readonly string SampleOrg = Cli.RepoPath("testdata", "sample-org");

    private static List<JToken> Findings(params string[] extra) =>
        [.. (JArray)JObject.Parse(Cli.Run(["check", SampleOrg, "--format", "json", .. extra]).Out)["findings"]!];

    [Fact]
    public void Min_level_keeps_only_findings_at_or_above_it()
    {
        var all = Findings();
        all.ShouldContain(f => (string?)f["level"] == "note");
        var errors = Findings("--min-level", "error");
        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(f => (string?)f["level"] == "error");
        errors.Count.ShouldBe(all.Count(f => (string?)f["level"] == "error"));
    }

    [Fact]
    public void Min_level_also_decides_the_gate()
    {
        Cli.Run("check", SampleOrg, "--select", "ML2001").ExitCode.ShouldBe(0);
        Cli.Run("check", SampleOrg, "--select", "ML2001", "--fail-on", "note").ExitCode.ShouldBe(1);
        Cli.Run("check", SampleOrg, "--select", "ML2001", "--fail-on", "note", "--min-level", "warning").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Select_and_ignore_take_ids_and_prefixes_and_ignore_wins()
    {
        var ids = Findings("--select", "ML10,ML2001", "--ignore", "ML1001", "--ignore", "ml1002")
            .Select(f => (string)f["ruleId"]!).Distinct().Order(StringComparer.Ordinal).ToList();
        ids.ShouldNotBeEmpty();
        ids.ShouldAllBe(id => id.StartsWith("ML10") || id == "ML2001");
        ids.ShouldNotContain("ML1001");
        ids.ShouldNotContain("ML1002");
        ids.ShouldContain("ML2001");
    }

    [Theory]
    [InlineData("--select", "ML99", "--select: 'ML99' is no rule id or prefix of one (see 'metalint rules')")]
    [InlineData("--ignore", "XX1", "--ignore: 'XX1' is no rule id or prefix of one (see 'metalint rules')")]
    [InlineData("--min-level", "loud", "--min-level must be error, warning or note, not 'loud'")]
    public void Unknown_values_are_usage_errors(string option, string value, string message)
    {
        var r = Cli.Run("check", SampleOrg, option, value);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldBe($"metalint: {message}\n");
    }

    [Fact]
    public void Statistics_count_findings_per_rule_and_top_components()
    {
        var all = Findings();
        var text = Cli.Run("check", SampleOrg, "--statistics").Out;
        text.ShouldContain("\nFindings by rule:\n");
        var perRule = all.Where(f => f["suppression"] == null).GroupBy(f => (string)f["ruleId"]!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        text.ShouldContain($"  {perRule.Count()}  {perRule.Key}  ");
        text.ShouldContain("Top components (");
        text.ShouldContain("Profile 'Ops/Support Admin'");
        Cli.Run("check", SampleOrg).Out.ShouldNotContain("Findings by rule:");
    }
}
