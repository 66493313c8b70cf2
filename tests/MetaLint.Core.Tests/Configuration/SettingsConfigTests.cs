using MetaLint.Core.Configuration;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Tests.Configuration;

public class SettingsConfigTests
{
    private static MetaLintConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "rules.yml");

    [Fact]
    public void Reads_missing_settings_policy_and_environments()
    {
        var config = Parse("""
            settings:
              missing: report
            environments:
              production: { min-score: 90, fail: true }
              sandbox:
                min-score: 80
                fail: false
              scratch:
            """);
        config.MissingSettingPolicy.ShouldBe(MissingSettingPolicy.Report);
        config.Environments["production"].ShouldBe(new EnvironmentGate("production", 90, true));
        config.Environments["sandbox"].ShouldBe(new EnvironmentGate("sandbox", 80, false));
        config.Environments["scratch"].ShouldBe(new EnvironmentGate("scratch", null, true));
        Parse("rules: {}").MissingSettingPolicy.ShouldBe(MissingSettingPolicy.Ignore);
    }

    [Theory]
    [InlineData("settings:\n  missing: sometimes\n", 2, "'missing' must be ignore or report, not 'sometimes'")]
    [InlineData("settings:\n  absent: report\n", 2, "unknown key 'absent' under 'settings'")]
    [InlineData("settings: [missing]\n", 1, "'settings' must be a mapping")]
    [InlineData("environments:\n  prod:\n    min-score: 120\n", 3, "'min-score' must be a number from 0 to 100")]
    [InlineData("environments:\n  prod:\n    fail: maybe\n", 3, "'fail' must be true or false")]
    [InlineData("environments:\n  prod:\n    minScore: 90\n", 3, "unknown key 'minScore' in environment 'prod'")]
    [InlineData("environments: [prod]\n", 1, "'environments' must map environment names")]
    public void Problems_name_the_line(string yaml, int line, string problem)
    {
        var e = Should.Throw<ConfigException>(() => Parse(yaml));
        e.Line.ShouldBe(line);
        e.Problem.ShouldContain(problem);
    }
}
