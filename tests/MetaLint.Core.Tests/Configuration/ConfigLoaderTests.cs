using MetaLint.Core.Configuration;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Configuration;

public class ConfigLoaderTests
{
    private static MetaLintConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "rules.yml");

    [Fact]
    public void Repository_rules_yml_is_valid_and_matches_the_defaults()
    {
        var config = ConfigLoader.Load(Repo.Path("rules.yml"));
        foreach (var rule in RuleCatalog.All)
        {
            var s = config.For(rule.Descriptor.Id);
            s.Enabled.ShouldBeTrue(rule.Descriptor.Id);
            (s.Level ?? rule.Descriptor.DefaultLevel).ShouldBe(rule.Descriptor.DefaultLevel, rule.Descriptor.Id);
        }
        var listed = config.For("ML1006").GetList("permissions");
        if (listed != null) listed.ShouldBe(MetaLint.Core.Rules.Permissions.ML1006HighRiskPermission.DefaultList, ignoreOrder: true);
    }

    [Fact]
    public void Reads_enable_level_lists_and_excludes()
    {
        var config = Parse("""
            rules:
              ML1001: { enabled: false }
              ML1003:
                level: error
              ML1006:
                extra-permissions: [ViewSetup]
            exclude:
              - "**/Referenced Packages/**"
            """);
        config.For("ML1001").Enabled.ShouldBeFalse();
        config.For("ml1003").Level.ShouldBe(RuleLevel.Error);
        config.For("ML1006").GetList("extra-permissions").ShouldBe(["ViewSetup"]);
        config.Exclude.ShouldBe(["**/Referenced Packages/**"]);
        config.For("ML1002").ShouldBe(RuleConfig.Default);
    }

    [Fact]
    public void Approvers_apply_by_rule_id_and_by_prefix()
    {
        var config = Parse("approvers:\n  ML10: [sec@example.com]\n  ML1008: [community@example.com]\n");
        config.ApproversFor("ML1008").ShouldBe(["sec@example.com", "community@example.com"], ignoreOrder: true);
        config.ApproversFor("ML1001").ShouldBe(["sec@example.com"]);
        config.ApproversFor("ML2001").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("rules:\n  ML1001: {enabled: false\n", 3, "invalid YAML")]
    [InlineData("rules:\n  ML4242: {}\n", 2, "unknown rule id 'ML4242'")]
    [InlineData("rules:\n  ML1001:\n    level: fatal\n", 3, "'level' must be error, warning or note")]
    [InlineData("rules:\n  ML1001:\n    permissions: [A]\n", 3, "unknown setting 'permissions' for ML1001")]
    [InlineData("colour: red\n", 1, "unknown key 'colour'")]
    [InlineData("exclude: \"*.profile\"\n", 1, "'exclude' must be a list")]
    [InlineData("- a\n- b\n", 1, "must be a mapping")]
    [InlineData("rules:\n  ML1001:\n    enabled: maybe\n", 3, "'enabled' must be true or false")]
    [InlineData("rules:\n  ML1001: {level: note}\n  ml1001: {level: error}\n", 3, "ML1001 is configured twice")]
    [InlineData("rules: {}\n---\nexclude: []\n", 3, "one YAML document")]
    [InlineData("environments:\n  production: {min-score: .nan}\n", 2, "'min-score' must be a number")]
    [InlineData("approvers:\n  ML42: [a@example.com]\n", 2, "'ML42' under 'approvers' is neither a rule id nor the prefix of one")]
    [InlineData("approvers:\n  ML10: a@example.com\n", 2, "'ML10' must be a list of strings")]
    [InlineData("approvers:\n  ML10: [a]\n  ml10: [b]\n", 3, "'ml10' is listed twice under 'approvers'")]
    [InlineData("approvers: [a]\n", 1, "'approvers' must map rule ids or id prefixes")]
    public void Bad_files_name_the_line_and_the_problem(string yaml, int line, string problem)
    {
        var e = Should.Throw<ConfigException>(() => Parse(yaml));
        e.Line.ShouldBe(line);
        e.Problem.ShouldContain(problem);
        e.Message.ShouldStartWith($"rules.yml:{line}:");
    }

    [Fact]
    public void Empty_file_means_defaults() => Parse("").Rules.ShouldBeEmpty();
}
