using MetaLint.Core.Baselines;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Baselines;

/// testdata/sample-org against sections B, C, D and E of its EXPECTED.md (the settings rules), with the levels of
/// section G: risk group and status together.
public class SampleOrgSettingsTests
{
    private static readonly string Root = Repo.Path("testdata", "sample-org");
    private const string Sec = "force-app/main/default/settings/Security.settings-meta.xml";
    private const string Ppp = "force-app/main/default/profilePasswordPolicies/OpsSupportAdmin_profilePasswordPolicy1700000000000.profilePasswordPolicy-meta.xml";
    private const string Pss = "force-app/main/default/profileSessionSettings/null_profileSessionSetting1700000000001.profileSessionSetting-meta.xml";

    private static AnalysisResult Analyse(string? baseline = null) => Analyzer.Run([Root], new AnalysisOptions
    {
        Root = Root,
        Baseline = baseline == null ? null : BaselineLoader.Load(Path.Combine(Root, "baselines", baseline)),
    });

    private static IEnumerable<string> Settings(AnalysisResult r, bool withColumn = true) =>
        r.Findings.Where(f => f.RuleId.StartsWith("ML3", StringComparison.Ordinal))
            .Select(f => $"{f.RuleId} {f.Path} {f.Span.StartLine}{(withColumn ? $":{f.Span.StartColumn}" : "")} {f.Level.ToText()}");

    [Fact]
    public void Section_B_bundled_standard()
    {
        Settings(Analyse()).ShouldBe(
        [
            $"ML3103 {Sec} 15:9 warning",   // medium risk, critical
            $"ML3102 {Sec} 18:9 error",     // high risk, critical
            $"ML3201 {Sec} 43:9 note",      // low risk
            $"ML3102 {Ppp} 5:5 error",
            $"ML3103 {Ppp} 10:5 warning",
            $"ML3105 {Ppp} 11:5 warning",
            $"ML3201 {Pss} 7:5 note",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Section_C_team_json_baseline()
    {
        Settings(Analyse("team-baseline.json"), withColumn: false).ShouldBe(
        [
            $"ML3101 {Sec} 19 error",
            $"ML3102 {Sec} 18 error",
            $"ML3105 {Sec} 16 note",
            $"ML3201 {Sec} 43 warning",
            $"ML3101 {Ppp} 6 error",
            $"ML3102 {Ppp} 5 error",
            $"ML3105 {Ppp} 11 note",
            $"ML3201 {Pss} 7 warning",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Section_D_strict_xml_baseline_with_its_security_severities()
    {
        var r = Analyse("strict-baseline.xml");
        Settings(r, withColumn: false).ShouldBe(
        [
            $"ML3101 {Sec} 19 error",       // high risk, critical
            $"ML3102 {Sec} 18 error",
            $"ML3103 {Sec} 15 note",        // medium risk, warning
            $"ML3201 {Sec} 43 warning",     // medium risk, critical
            $"ML3101 {Ppp} 6 warning",      // high risk, warning
            $"ML3102 {Ppp} 5 error",
            $"ML3103 {Ppp} 10 note",
            $"ML3105 {Ppp} 11 warning",
            $"ML3201 {Pss} 7 warning",
        ], ignoreOrder: true);
        string Severity(string id) => r.Rules.Single(x => x.Descriptor.Id == id).Descriptor.SecuritySeverityText!;
        (Severity("ML3101"), Severity("ML3102"), Severity("ML3103"), Severity("ML3105"), Severity("ML3201"))
            .ShouldBe(("8.0", "8.0", "5.5", "5.5", "5.5"));
    }

    [Theory]
    [InlineData("team-baseline.json")]
    [InlineData("strict-baseline.xml")]
    public void Sarif_with_a_custom_baseline_is_schema_valid(string baseline) => Run.Sarif(Analyse(baseline));

    [Fact]
    public void Bundled_descriptors_carry_the_standard_risk_groups()
    {
        var r = Analyse();
        string Severity(string id) => r.Rules.Single(x => x.Descriptor.Id == id).Descriptor.SecuritySeverityText ?? "-";
        (Severity("ML3101"), Severity("ML3102"), Severity("ML3201"), Severity("ML3204")).ShouldBe(("5.5", "8.0", "3.0", "-"));
        r.Rules.Single(x => x.Descriptor.Id == "ML3204").Descriptor.DefaultLevel.ShouldBe(RuleLevel.Note);
    }

    [Fact]
    public void Section_G_totals_with_the_bundled_standard()
    {
        var r = Analyse();
        r.Findings.Count.ShouldBe(20);
        r.Findings.Count(f => f.Level == RuleLevel.Error).ShouldBe(8);
        r.Findings.Count(f => f.Level == RuleLevel.Warning).ShouldBe(9);
        r.Findings.Count(f => f.Level == RuleLevel.Note).ShouldBe(3);
        r.Findings.ShouldNotContain(f => f.RuleId == "ML0001");
    }

    [Fact]
    public void Policy_findings_are_keyed_on_the_profile_element_not_the_file_name()
    {
        var r = Analyse();
        var ppp = r.Findings.Where(f => f.Path == Ppp).ToList();
        ppp.ShouldAllBe(f => f.ComponentName == "Ops/Support Admin");
        ppp.First(f => f.RuleId == "ML3102").Message.ShouldBe(
            "Profile password policy for 'Ops/Support Admin': maxLoginAttempts is 0 (NoLimit); the Salesforce Baseline " +
            "Standard wants at most 3 attempts (critical, high risk)");
        var pss = r.Findings.Single(f => f.Path == Pss);
        pss.ComponentName.ShouldBe("");
        pss.Message.ShouldBe("Profile session setting (profile not set): sessionTimeout is 1440 (TwentyFourHours); " +
                             "the Salesforce Baseline Standard wants at most 120 minutes (critical, low risk)");
    }

    [Fact]
    public void Json_baseline_messages_name_the_standard_value_and_risk_type()
    {
        Analyse("team-baseline.json").Findings.Single(f => f.RuleId == "ML3101" && f.Path == Sec).Message.ShouldBe(
            "Security settings: minimumPasswordLength is 8; team-baseline.json wants at least 12 characters (HIGH_RISK)");
    }

    [Fact]
    public void Score_of_the_sample_org_is_hand_computed()
    {
        // Security.settings: high 10 compliant + maxLoginAttempts critical (w 3 x 11 = 33, earned 30);
        // medium 10 compliant + expiration critical (22, earned 20); low 6 compliant + timeout critical (7, earned 6);
        // lockSessionsToIp is informational (weight 0). PPP: high maxLoginAttempts critical (3, 0); medium
        // minPasswordLength, complexity, minOneDay compliant, expiration and history critical (10, 6); low lockout,
        // question, obscure compliant (3, 3). PSS: low timeout critical (1, 0).
        // Earned 30+20+6+0+6+3+0 = 65 of 33+22+7+3+10+3+1 = 79: 100 x 65 / 79 = 82.28 -> 82.3, Very Good.
        var score = Analyse().Score!;
        score.Earned.ShouldBe(65);
        score.WeightTotal.ShouldBe(79);
        score.Score.ShouldBe(82.3);
        score.GradeText.ShouldBe("Very Good");
        score.NotCheckable.Select(s => s.Key).ShouldContain("Identity.mfaEnabled");
        score.NotCheckable.Count.ShouldBe(Baseline.Standard.Settings.Count - RuleCatalog.All.OfType<MetaLint.Core.Rules.Settings.SettingRule>().Count());
    }
}
