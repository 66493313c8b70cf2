using Newtonsoft.Json.Linq;

namespace MetaLint.Cli.Tests;

/// Issue 5's acceptance scenario: a repository made from testdata/sample-org, then a change that grants
/// ModifyAllData to a clean profile and weakens the session timeout. PR mode must show exactly those two.
public sealed class PullRequestScenarioTests : IDisposable
{
    private const string FieldSales = "force-app/main/default/profiles/Field Sales.profile-meta.xml";
    private const string Security = "force-app/main/default/settings/Security.settings-meta.xml";
    private readonly TempRepo _git = new();

    public PullRequestScenarioTests()
    {
        var sample = Cli.RepoPath("testdata", "sample-org");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var target = _git.Path(Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        // The sample's org timeout is already the weakest value; start from a compliant one so it can be weakened.
        Replace(Security, "<sessionTimeout>TwentyFourHours</sessionTimeout>", "<sessionTimeout>TwoHours</sessionTimeout>");
        _git.Commit("sample org");

        Replace(FieldSales, "<enabled>false</enabled>\n        <name>ModifyAllData</name>", "<enabled>true</enabled>\n        <name>ModifyAllData</name>");
        Replace(Security, "<sessionTimeout>TwoHours</sessionTimeout>", "<sessionTimeout>TwentyFourHours</sessionTimeout>");
    }

    public void Dispose() => _git.Dispose();

    private void Replace(string rel, string from, string to)
    {
        var path = _git.Path(rel);
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to));
    }

    [Fact]
    public void Text_names_exactly_the_two_introductions()
    {
        var r = Cli.Run("check", _git.Root, "--base", "HEAD");
        r.ExitCode.ShouldBe(1);
        var summary = r.Out[..r.Out.IndexOf("\n\n", StringComparison.Ordinal)].Split('\n');
        summary[0].ShouldStartWith("Escalations introduced by this change (against HEAD, ");
        summary[1..].ShouldBe([
            "  Profile 'Field Sales': +Modify All Data",
            "  Security.settings: sessionTimeout TwoHours -> TwentyFourHours",
        ]);
    }

    [Fact]
    public void Sarif_holds_only_the_two_introductions()
    {
        var r = Cli.Run("check", _git.Root, "--base", "HEAD", "--format", "sarif");
        var results = JObject.Parse(r.Out)["runs"]![0]!["results"]!;
        results.Select(x => $"{x["ruleId"]} {x["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]}:{x["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]}")
            .ShouldBe([
                "ML1001 force-app/main/default/profiles/Field%20Sales.profile-meta.xml:33",
                "ML3201 force-app/main/default/settings/Security.settings-meta.xml:43",
            ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("never", 0)]
    public void Exit_code_follows_fail_on(string failOn, int exit) =>
        Cli.Run("check", _git.Root, "--base", "HEAD", "--fail-on", failOn).ExitCode.ShouldBe(exit);
}
