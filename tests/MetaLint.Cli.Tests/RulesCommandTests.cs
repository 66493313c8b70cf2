using Newtonsoft.Json.Linq;

namespace MetaLint.Cli.Tests;

public class RulesCommandTests
{
    [Fact]
    public void Text_lists_every_rule_with_level_and_link()
    {
        var r = Cli.Run("rules");
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldContain("ML1001  error    9.1   Modify All Data granted");
        r.Out.ShouldContain("rules/ML2001.md");
    }

    [Fact]
    public void Json_has_one_entry_per_rule()
    {
        var rules = JArray.Parse(Cli.Run("rules", "--format", "json").Out);
        rules.Select(r => (string)r["id"]!).ShouldBe(Core.Rules.RuleCatalog.All.Select(r => r.Descriptor.Id));
        rules.Single(r => (string?)r["id"] == "ML1006")["options"]!.Values<string>().ShouldBe(["permissions", "extra-permissions"]);
    }

    [Fact]
    public void Markdown_is_the_rules_readme()
    {
        var readme = File.ReadAllText(Cli.RepoPath("rules", "README.md")).ReplaceLineEndings("\n");
        Cli.Run("rules", "--format", "markdown").Out.ShouldBe(readme);
    }
}
