using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;
using MetaLint.Core.Rules;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Baselines;

public sealed class HealthScoreTests : IDisposable
{
    private readonly TempFolder _tmp = new("metalint-score-");

    /// The ML3xxx rules: one per baseline setting that maps to metadata.
    private static readonly List<string> SettingRuleIds =
        [.. RuleCatalog.All.OfType<MetaLint.Core.Rules.Settings.SettingRule>().Select(r => r.Descriptor.Id)];

    public void Dispose() => _tmp.Dispose();

    private const string Ns = "xmlns=\"http://soap.sforce.com/2006/04/metadata\"";

    private string Org(string body)
    {
        var dir = Path.Combine(_tmp.Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Security.settings-meta.xml"),
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SecuritySettings {Ns}>\n{body}</SecuritySettings>\n");
        return dir;
    }

    private static HealthScore Score(string dir) => Analyzer.Score([dir], new AnalysisOptions { Root = dir }).Score;

    private static string Session(bool on) => string.Concat(
        new[]
        {
            "enableCSPOnEmail", "enableCSRFOnGet", "enableCSRFOnPost", "enableClickjackNonsetupSFDC", "enableClickjackNonsetupUser",
            "enableClickjackNonsetupUserHeaderless", "enableClickjackSetup", "enableContentSniffingProtection", "enableSMSIdentity",
            "enforceIpRangesEveryRequest", "forceLogoutOnSessionTimeout", "forceRelogin", "identityConfirmationOnEmailChange",
            "identityConfirmationOnTwoFactorRegistrationEnabled", "lockSessionsToDomain", "lockSessionsToIp", "requireHttpOnly",
            "terminateUserSessionsWhenAdminResetsPassword",
        }.Select(e => $"        <{e}>{(on ? "true" : "false")}</{e}>\n"));

    [Fact]
    public void All_compliant_scores_100()
    {
        var score = Score(Org($"""
                <enableAdminLoginAsAnyUser>false</enableAdminLoginAsAnyUser>
                <networkAccess><ipRanges><end>198.51.100.255</end><start>198.51.100.0</start></ipRanges></networkAccess>
                <passwordPolicies>
                    <complexity>UpperLowerCaseNumericSpecialCharacters</complexity>
                    <expiration>SixtyDays</expiration>
                    <historyRestriction>10</historyRestriction>
                    <lockoutInterval>Forever</lockoutInterval>
                    <maxLoginAttempts>ThreeAttempts</maxLoginAttempts>
                    <minimumPasswordLength>14</minimumPasswordLength>
                    <minimumPasswordLifetime>true</minimumPasswordLifetime>
                    <obscureSecretAnswer>true</obscureSecretAnswer>
                    <questionRestriction>DoesNotContainPassword</questionRestriction>
                </passwordPolicies>
                <sessionSettings>
            {Session(true)}        <sessionTimeout>FifteenMinutes</sessionTimeout>
                </sessionSettings>

            """));
        score.Determined.Count().ShouldBe(SettingRuleIds.Count);
        score.Determined.ShouldAllBe(a => a.Status == ComplianceStatus.Compliant);
        score.Score.ShouldBe(100);
        score.GradeText.ShouldBe("Excellent");
    }

    [Fact]
    public void Weakest_values_score_what_the_formula_gives()
    {
        // Every mapped setting at its weakest value. All are critical except two low-risk enums whose weakest
        // literal the standard rates only warning (lockoutInterval FifteenMinutes, questionRestriction None):
        // earned 2 x 1 x 0.5 = 1 of 3 x 11 + 2 x 11 + 1 x 7 = 62 (lockSessionsToIp is informational, weight 0).
        // 100 x 1 / 62 = 1.61 -> 1.6.
        var score = Score(Org($"""
                <enableAdminLoginAsAnyUser>true</enableAdminLoginAsAnyUser>
                <networkAccess/>
                <passwordPolicies>
                    <complexity>NoRestriction</complexity>
                    <expiration>Never</expiration>
                    <historyRestriction>0</historyRestriction>
                    <lockoutInterval>FifteenMinutes</lockoutInterval>
                    <maxLoginAttempts>NoLimit</maxLoginAttempts>
                    <minimumPasswordLength>5</minimumPasswordLength>
                    <minimumPasswordLifetime>false</minimumPasswordLifetime>
                    <obscureSecretAnswer>false</obscureSecretAnswer>
                    <questionRestriction>None</questionRestriction>
                </passwordPolicies>
                <sessionSettings>
            {Session(false)}        <sessionTimeout>TwentyFourHours</sessionTimeout>
                </sessionSettings>

            """));
        score.Determined.Count().ShouldBe(SettingRuleIds.Count);
        score.Determined.Count(a => a.Status == ComplianceStatus.Warning).ShouldBe(3);   // the two enums and lockSessionsToIp
        (score.Earned, score.WeightTotal).ShouldBe((1.0, 62));
        score.Score.ShouldBe(1.6);
        score.GradeText.ShouldBe("Very Poor");
    }

    [Fact]
    public void Mixed_file_is_hand_computed()
    {
        // maxLoginAttempts FiveAttempts: high (3) x warning (0.5) = 1.5;  csrfGet true: high (3) x 1 = 3;
        // minimumPasswordLength 7: medium (2) x warning (0.5) = 1;         expiration Never: medium (2) x 0 = 0;
        // sessionTimeout FourHours: low (1) x warning (0.5) = 0.5;        lockSessionsToIp false: informational (0).
        // 100 x (1.5 + 3 + 1 + 0 + 0.5) / (3 + 3 + 2 + 2 + 1) = 100 x 6 / 11 = 54.54 -> 54.5: Very Poor (below 55).
        var score = Score(Org("""
                <passwordPolicies>
                    <expiration>Never</expiration>
                    <maxLoginAttempts>FiveAttempts</maxLoginAttempts>
                    <minimumPasswordLength>7</minimumPasswordLength>
                </passwordPolicies>
                <sessionSettings>
                    <enableCSRFOnGet>true</enableCSRFOnGet>
                    <lockSessionsToIp>false</lockSessionsToIp>
                    <sessionTimeout>FourHours</sessionTimeout>
                </sessionSettings>

            """));
        (score.Earned, score.WeightTotal).ShouldBe((6.0, 11));
        score.Score.ShouldBe(54.5);
        score.GradeText.ShouldBe("Very Poor");
        score.NotDeterminable.Count().ShouldBe(SettingRuleIds.Count - 6);   // six set above
    }

    [Fact]
    public void No_settings_files_means_no_score()
    {
        var dir = Path.Combine(_tmp.Root, "empty");
        Directory.CreateDirectory(dir);
        var score = Score(dir);
        score.Score.ShouldBeNull();
        score.GradeText.ShouldBeNull();
    }

    [Theory]
    [InlineData(100, "Excellent")]
    [InlineData(90, "Excellent")]
    [InlineData(89.9, "Very Good")]
    [InlineData(80, "Very Good")]
    [InlineData(79.9, "Good")]
    [InlineData(70, "Good")]
    [InlineData(69.9, "Poor")]
    [InlineData(55, "Poor")]
    [InlineData(54.9, "Very Poor")]
    [InlineData(0, "Very Poor")]
    public void Grade_bands(double score, string grade) => HealthScore.Grade(score).ShouldBe(grade);

    [Fact]
    public void Missing_settings_are_reported_only_when_configured()
    {
        var dir = Org("""
                <passwordPolicies>
                    <minimumPasswordLength>8</minimumPasswordLength>
                </passwordPolicies>

            """);
        Analyzer.Run([dir], new AnalysisOptions { Root = dir }).Findings.ShouldBeEmpty();

        var config = ConfigLoader.Parse("settings:\n  missing: report\n", "rules.yml");
        var findings = Analyzer.Run([dir], new AnalysisOptions { Root = dir, Config = config }).Findings;
        findings.ShouldAllBe(f => f.Level == RuleLevel.Note);
        findings.Select(f => f.RuleId).ShouldBe(SettingRuleIds.Where(id => id != "ML3101"), ignoreOrder: true);   // every mapped setting but the one set
        // The password policies (ML31xx) on <passwordPolicies>; the rest on line 1 (no <sessionSettings>, top level, networkAccess).
        findings.Where(f => f.Span.StartLine == 3).Select(f => f.RuleId).ShouldBe(
            SettingRuleIds.Where(id => id.StartsWith("ML31", StringComparison.Ordinal) && id != "ML3101"), ignoreOrder: true);
        findings.Where(f => f.Span.StartLine == 1).Select(f => f.RuleId).ShouldBe(
            SettingRuleIds.Where(id => !id.StartsWith("ML31", StringComparison.Ordinal)), ignoreOrder: true);
        findings.Single(f => f.RuleId == "ML3103").Message.ShouldBe(
            "Security settings: PasswordPolicies.expiration is not set (no <expiration> in <passwordPolicies>), so the org keeps whatever value it has");
    }
}
