using MetaLint.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MetaLint.Cli.Tests;

public sealed class BaselineCommandTests : IDisposable
{
    private static readonly string SampleOrg = Cli.RepoPath("testdata", "sample-org");
    private static readonly string Strict = Path.Combine(SampleOrg, "baselines", "strict-baseline.xml");
    private static readonly string Team = Path.Combine(SampleOrg, "baselines", "team-baseline.json");
    private static readonly string Standard = Cli.RepoPath("src", "MetaLint.Core", "Baselines", "SalesforceBaselineStandard.xml");
    private readonly TempFolder _tmp = new("metalint-baseline-");

    public void Dispose() => _tmp.Dispose();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_tmp.Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Lint_reports_the_legacy_key_of_the_strict_baseline_and_exits_0()
    {
        var r = Cli.Run("baseline", "lint", Strict);
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldContain($"{Strict}:47: SessionSettings.xssProtection: unknown setting");
        r.Out.ShouldContain("1 problem in");
    }

    [Fact]
    public void Lint_of_the_team_json_reports_nothing()
    {
        var r = Cli.Run("baseline", "lint", Team);
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldBe($"No problems found in {Team}.\n");
    }

    [Fact]
    public void Malformed_baseline_exits_2_naming_entry_and_problem()
    {
        var bad = Write("bad.json", """
            [
              { "setting": "MinimumPasswordLength", "riskType": "HIGH_RISK", "standardValue": "12" },
              { "setting": "SessionTimeout", "riskType": "HIGH_RISK", "standardValue": "forever-ish" }
            ]
            """);
        foreach (var args in new[] { new[] { "baseline", "lint", bad }, ["check", SampleOrg, "--baseline", bad], ["baseline", "score", SampleOrg, "--baseline", bad] })
        {
            var r = Cli.Run(args);
            r.ExitCode.ShouldBe(2, string.Join(' ', args));
            r.Error.ShouldContain("entry 2 (line 3) \"SessionTimeout\": standardValue \"forever-ish\" is not a value of SessionSettings.timeout");
        }
        var xml = Write("bad.xml", "<baseline><highRiskSecuritySettings><booleanSetting name=\"SessionSettings.csrfGet\" compliant=\"true\" nonCompliant=\"fatal\"/></highRiskSecuritySettings></baseline>");
        var x = Cli.Run("baseline", "lint", xml);
        x.ExitCode.ShouldBe(2);
        x.Error.ShouldContain("line 1 <booleanSetting name=\"SessionSettings.csrfGet\">: nonCompliant must be warning or critical, not \"fatal\"");
        Cli.Run("check", SampleOrg, "--baseline", Path.Combine(_tmp.Root, "nope.xml")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Check_with_an_unknown_key_in_the_baseline_does_not_fail_with_2()
    {
        Cli.Run("check", SampleOrg, "--baseline", Strict, "--fail-on", "never").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Convert_round_trips_the_bundled_standard()
    {
        var json = Path.Combine(_tmp.Root, "standard.json");
        var xml = Path.Combine(_tmp.Root, "standard-again.xml");
        Cli.Run("baseline", "convert", Standard, json).ExitCode.ShouldBe(0);
        JArray.Parse(File.ReadAllText(json)).Count.ShouldBe(45);
        var r = Cli.Run("baseline", "convert", json, xml);
        r.ExitCode.ShouldBe(0);
        r.Error.ShouldBeEmpty();
        // The content is the same: converting both to JSON gives identical text.
        var a = Path.Combine(_tmp.Root, "a.json");
        var b = Path.Combine(_tmp.Root, "b.json");
        Cli.Run("baseline", "convert", Standard, a).ExitCode.ShouldBe(0);
        Cli.Run("baseline", "convert", xml, b).ExitCode.ShouldBe(0);
        File.ReadAllText(b).ShouldBe(File.ReadAllText(a));
    }

    [Fact]
    public void Convert_of_json_without_bands_warns_about_the_missing_warning_band()
    {
        var r = Cli.Run("baseline", "convert", Team, Path.Combine(_tmp.Root, "team.xml"));
        r.ExitCode.ShouldBe(0);
        r.Error.ShouldContain("5 JSON entries have no kept \"xml\" bands");
        File.ReadAllText(Path.Combine(_tmp.Root, "team.xml")).ShouldContain("developerName=\"Team\"");
    }

    [Fact]
    public void Score_prints_the_approximation_weights_settings_and_uncheckable_ones()
    {
        var r = Cli.Run("baseline", "score", SampleOrg);
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldStartWith("Approximate Health Check score: 82.3 / 100 (Very Good)\n");
        r.Out.ShouldContain("Salesforce does not publish the weights");
        r.Out.ShouldContain("Weights: high risk 3, medium risk 2, low risk 1, informational 0.");
        r.Out.ShouldContain("critical   high           PasswordPolicies.maxLoginAttempts");
        r.Out.ShouldContain("Not checkable from source (15)");
        r.Out.ShouldContain("Identity.mfaEnabled");
    }

    [Theory]
    [InlineData("82", 0)]
    [InlineData("82.3", 0)]
    [InlineData("82.4", 1)]
    [InlineData("90", 1)]
    public void Min_score_is_a_gate(string min, int exit)
    {
        var r = Cli.Run("baseline", "score", SampleOrg, "--min-score", min, "--format", "json");
        r.ExitCode.ShouldBe(exit);
        var json = JObject.Parse(r.Out);
        ((double)json["score"]!).ShouldBe(82.3);
        ((bool)json["passed"]!).ShouldBe(exit == 0);
        ((bool)json["approximate"]!).ShouldBeTrue();
    }

    [Fact]
    public void Environments_fail_production_and_only_warn_in_a_sandbox()
    {
        var config = Write("rules.yml", "environments:\n  production: { min-score: 90, fail: true }\n  sandbox: { min-score: 80, fail: false }\n  dev: { min-score: 95, fail: false }\n");
        var prod = Cli.Run("baseline", "score", SampleOrg, "--config", config, "--environment", "production");
        prod.ExitCode.ShouldBe(1);
        prod.Error.ShouldContain("error: approximate Health Check score 82.3 is below 90 (environment 'production')");
        Cli.Run("baseline", "score", SampleOrg, "--config", config, "--environment", "sandbox").ExitCode.ShouldBe(0);
        var dev = Cli.Run("check", SampleOrg, "--config", config, "--environment", "dev", "--fail-on", "never");
        dev.ExitCode.ShouldBe(0);
        dev.Error.ShouldContain("warning: approximate Health Check score 82.3 is below 95 (environment 'dev')");
        Cli.Run("check", SampleOrg, "--config", config, "--environment", "production", "--fail-on", "never").ExitCode.ShouldBe(1);
        Cli.Run("check", SampleOrg, "--config", config, "--environment", "staging").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Check_puts_the_score_in_sarif_and_json_and_the_settings_findings_in_text()
    {
        var sarif = JObject.Parse(Cli.Run("check", SampleOrg, "--format", "sarif").Out);
        var run = sarif["runs"]![0]!;
        ((double)run["properties"]!["metalint/healthCheckScore"]!).ShouldBe(82.3);
        var result = run["results"]!.Single(x => (string?)x["ruleId"] == "ML3102" &&
            ((string)x["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).EndsWith("Security.settings-meta.xml"));
        ((int)result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!).ShouldBe(18);
        ((string)result["level"]!).ShouldBe("error");

        var json = JObject.Parse(Cli.Run("check", SampleOrg, "--format", "json").Out);
        ((double)json["healthCheck"]!["score"]!).ShouldBe(82.3);
        ((string)json["healthCheck"]!["grade"]!).ShouldBe("Very Good");

        var text = Cli.Run("check", SampleOrg).Out;
        text.ShouldContain("force-app/main/default/settings/Security.settings-meta.xml\n  15:9  warning  ML3103  Security settings: expiration is Never; the Salesforce Baseline Standard wants at most 90 days (critical, medium risk)");
        text.ShouldContain("Approximate Health Check score: 82.3 (Very Good)");

        var strict = JObject.Parse(Cli.Run("check", SampleOrg, "--format", "sarif", "--baseline", Strict).Out);
        var rule = strict["runs"]![0]!["tool"]!["driver"]!["rules"]!.Single(x => (string?)x["id"] == "ML3101");
        ((string)rule["properties"]!["security-severity"]!).ShouldBe("8.0");
    }

    [Fact]
    public void No_settings_files_means_no_score_in_the_reports()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_tmp.Root, "p")).FullName;
        File.WriteAllText(Path.Combine(dir, "A.profile-meta.xml"), "<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>\n");
        var json = JObject.Parse(Cli.Run("check", dir, "--format", "json").Out);
        json["healthCheck"].ShouldBeNull();
        var r = Cli.Run("baseline", "score", dir, "--min-score", "10");
        r.ExitCode.ShouldBe(1);
        r.Error.ShouldContain("no settings file could be scored");
    }
}
