using System.Text;
using MetaLint.Core.Baselines;

namespace MetaLint.Core.Tests.Baselines;

public class BaselineTests
{
    private static Baseline Parse(string text, string file = "custom.xml") =>
        BaselineLoader.Parse(Encoding.UTF8.GetBytes(text), file, file);

    private const string Head = """<baseline xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Team" developerName="Team">""";

    private static IEnumerable<string> Content(Baseline b) => b.Settings.Select(s =>
        $"{s.Risk}|{s.Element}|{s.Key}|{s.Compliant}|{s.Warning}|{s.Critical}|{s.NonCompliant}");

    [Fact]
    public void Bundled_standard_has_its_45_settings()
    {
        var s = Baseline.Standard;
        s.Name.ShouldBe("SFDC recommended");
        s.Settings.Count.ShouldBe(45);
        s.Settings.GroupBy(x => x.Risk).Select(g => (g.Key, g.Count()))
            .ShouldBe([(RiskGroup.High, 16), (RiskGroup.Medium, 11), (RiskGroup.Low, 8), (RiskGroup.Informational, 10)]);
        // Every key MetaLint maps is in the standard, so every ML3xxx rule has something to check by default.
        SettingCatalog.All.ShouldAllBe(d => s.Find(d.Key) != null);
    }

    [Fact]
    public void Xml_to_json_to_xml_round_trips_the_bundled_standard()
    {
        var json = BaselineWriter.ToJson(Baseline.Standard);
        var fromJson = BaselineLoader.Parse(Encoding.UTF8.GetBytes(json), "std.json", "std.json");
        fromJson.Form.ShouldBe(BaselineForm.Json);
        var warnings = new List<string>();
        var xml = BaselineWriter.ToXml(fromJson, "SFDC recommended", "SFDCRecommended", warnings);
        warnings.ShouldBeEmpty();
        var back = Parse(xml, "std.xml");
        Content(back).ShouldBe(Content(Baseline.Standard));
        (back.Name, back.DeveloperName).ShouldBe(("SFDC recommended", "SFDCRecommended"));
        // Writing the round-tripped baseline again gives the same bytes.
        BaselineWriter.ToXml(back, back.Name, back.DeveloperName!).ShouldBe(xml);
    }

    [Fact]
    public void Xml_to_json_takes_the_weakest_compliant_value_in_natural_units()
    {
        var json = Parse(BaselineWriter.ToJson(Baseline.Standard), "std.json");
        string Std(string key) => json.Find(key)!.StandardValue!;
        Std("PasswordPolicies.maxLoginAttempts").ShouldBe("3");
        Std("PasswordPolicies.expiration").ShouldBe("90");
        Std("SessionSettings.timeout").ShouldBe("120");
        Std("PasswordPolicies.lockoutInterval").ShouldBe("30");
        Std("PasswordPolicies.complexity").ShouldBe("SpecialCharacters");
        Std("PasswordPolicies.minPasswordLength").ShouldBe("8");
        Std("LoginAccessPolicies.adminLoginAsAnyUser").ShouldBe("false");
        json.Find("PasswordPolicies.minPasswordLength")!.SettingAsWritten.ShouldBe("MinimumPasswordLength");
    }

    [Fact]
    public void Json_without_xml_bands_converts_with_no_warning_band()
    {
        var json = Parse("""
            [ { "setting": "LoginAttemptsBeforeLockout", "group": "Login Policies", "riskType": "MEDIUM_RISK", "standardValue": "5" },
              { "setting": "MinimumPasswordLength", "riskType": "HIGH_RISK", "standardValue": "12" } ]
            """, "team.json");
        var xml = Parse(BaselineWriter.ToXml(json, "team", "Team"), "team.xml");
        var attempts = xml.Find("PasswordPolicies.maxLoginAttempts")!;
        (attempts.Risk, attempts.Compliant, attempts.Warning, attempts.Critical)
            .ShouldBe((RiskGroup.Medium, "FiveAttempts,ThreeAttempts", "", "NoLimit,TenAttempts"));
        var length = xml.Find("PasswordPolicies.minPasswordLength")!;
        (length.Compliant, length.Warning).ShouldBe(("12.0", "11.5"));
        length.Evaluate(SettingValue.Of(11)).ShouldBe(ComplianceStatus.Critical);
        length.Evaluate(SettingValue.Of(12)).ShouldBe(ComplianceStatus.Compliant);
    }

    [Fact]
    public void Custom_baseline_overrides_only_the_settings_it_names()
    {
        var custom = Parse(Head + """
            <highRiskSecuritySettings><numericRangeSetting name="PasswordPolicies.minPasswordLength" compliant="12.0" warning="10.0"/></highRiskSecuritySettings>
            <informationalSecuritySettings><booleanSetting name="SessionSettings.xssProtection" compliant="true" nonCompliant="warning"/></informationalSecuritySettings>
            </baseline>
            """);
        var effective = Baseline.Effective(custom);
        effective.Find("PasswordPolicies.minPasswordLength")!.Risk.ShouldBe(RiskGroup.High);
        effective.Find("PasswordPolicies.maxLoginAttempts")!.Source.ShouldBe(Baseline.StandardSource);
        effective.Find("SessionSettings.xssProtection").ShouldNotBeNull();   // unknown keys are kept
        effective.Settings.Count.ShouldBe(46);
    }

    [Theory]
    [InlineData(9, 8, 0, nameof(ComplianceStatus.Compliant))]
    [InlineData(7, 8, 6, nameof(ComplianceStatus.Warning))]
    [InlineData(5, 8, 6, nameof(ComplianceStatus.Critical))]
    [InlineData(0, 0, 1, nameof(ComplianceStatus.Compliant))]     // c < w: lower is stronger
    [InlineData(1, 0, 1, nameof(ComplianceStatus.Warning))]
    [InlineData(2, 0, 1, nameof(ComplianceStatus.Critical))]
    public void Numeric_direction_is_inferred_from_compliant_and_warning(double value, double c, double w, string expected)
    {
        var setting = new BaselineSetting("Some.number", RiskGroup.High, BaselineForm.Xml, new BaselineOrigin("x", 1, 0))
        {
            Element = BaselineXmlElement.NumericRange, Compliant = c.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Warning = w.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        setting.Evaluate(SettingValue.Of(value)).ToString().ShouldBe(expected);   // by name: the enum is internal
    }

    [Fact]
    public void An_enum_literal_in_no_list_is_critical()
    {
        Baseline.Standard.Find("PasswordPolicies.lockoutInterval")!.Evaluate(SettingValue.Of(1, "Sometimes"))
            .ShouldBe(ComplianceStatus.Critical);
    }

    [Theory]
    [InlineData("<baseline><highRiskSecuritySettings><booleanSetting name=\"A.b\" compliant=\"yes\" nonCompliant=\"critical\"/></highRiskSecuritySettings></baseline>",
        "<booleanSetting name=\"A.b\">", "compliant must be true or false")]
    [InlineData("<baseline><lowRiskSecuritySettings><numericRangeSetting name=\"PasswordPolicies.history\" compliant=\"three\" warning=\"1.0\"/></lowRiskSecuritySettings></baseline>",
        "numericRangeSetting name=\"PasswordPolicies.history\"", "compliant must be a number")]
    [InlineData("<baseline><lowRiskSecuritySettings><enumSetting name=\"\" compliant=\"X\"/></lowRiskSecuritySettings></baseline>",
        "line 1", "name attribute is missing")]
    [InlineData("<baseline><veryHighRiskSecuritySettings/></baseline>", "veryHighRiskSecuritySettings", "unknown element")]
    [InlineData("<baseline><highRiskSecuritySettings><stringSetting name=\"A.b\"/></highRiskSecuritySettings></baseline>", "stringSetting", "unknown setting element")]
    [InlineData("<settings/>", "line 1", "root element must be <baseline>")]
    [InlineData("<!DOCTYPE baseline [<!ENTITY x \"y\">]><baseline/>", "line 1", "DTD")]
    [InlineData("<baseline><highRiskSecuritySettings>", "line 1", "not well-formed XML")]
    [InlineData("[ { \"setting\": \"MinimumPasswordLength\", \"riskType\": \"HIGH_RISK\", \"standardValue\": \"long\" } ]",
        "entry 1 (line 1) \"MinimumPasswordLength\"", "standardValue \"long\" is not a value of PasswordPolicies.minPasswordLength")]
    [InlineData("[ { \"setting\": \"SessionTimeout\", \"riskType\": \"SEVERE\", \"standardValue\": \"120\" } ]",
        "entry 1", "riskType must be HIGH_RISK, MEDIUM_RISK, LOW_RISK or INFORMATIONAL")]
    [InlineData("[ { \"riskType\": \"LOW_RISK\", \"standardValue\": \"1\" } ]", "entry 1", "\"setting\" is missing")]
    [InlineData("[\n {\"setting\": \"A\", \"riskType\": \"LOW_RISK\", \"standardValue\": \"1\"},\n {\"setting\": \"B\", \"riskType\": \"LOW_RISK\"}\n]",
        "entry 2 (line 3) \"B\"", "\"standardValue\" is missing")]
    [InlineData("[ { \"setting\": \"PasswordHistory\", \"riskType\": \"LOW_RISK\", \"standardValue\": \"1e400\" } ]", "entry 1", "is not a value of PasswordPolicies.history")]
    [InlineData("{ \"setting\": \"A\" }", "", "the JSON form is an array")]
    [InlineData("[ { \"setting\": ", "line", "not valid JSON")]
    [InlineData("setting,riskType", "", "not a baseline")]
    public void Malformed_baselines_name_the_entry_and_the_problem(string text, string entry, string problem)
    {
        var e = Should.Throw<BaselineException>(() => Parse(text, text.StartsWith('[') || text.StartsWith('{') ? "b.json" : "b.xml"));
        e.Entry.ShouldContain(entry);
        e.Problem.ShouldContain(problem);
        e.Message.ShouldStartWith(e.File + ": ");
    }

    [Fact]
    public void Json_accepts_friendly_names_salesforce_keys_and_any_group()
    {
        var b = Parse("""
            [
              { "setting": "sessiontimeout", "group": "Whatever", "riskType": "medium_risk", "standardValue": "TwoHours" },
              { "setting": "PasswordPolicies.history", "riskType": "LOW_RISK", "standardValue": 5 },
              { "setting": "PasswordComplexity", "riskType": "HIGH_RISK", "standardValue": "3" },
              { "setting": "Custom.unknownThing", "riskType": "LOW_RISK", "standardValue": "whatever" }
            ]
            """, "b.json");
        b.Settings.Select(s => s.Key).ShouldBe(["SessionSettings.timeout", "PasswordPolicies.history", "PasswordPolicies.complexity", "Custom.unknownThing"]);
        b.Find("SessionSettings.timeout")!.Standard!.Value.Number.ShouldBe(120);
        b.Find("PasswordPolicies.complexity")!.Evaluate(SettingValue.Of(2, "SpecialCharacters")).ShouldBe(ComplianceStatus.Critical);
        b.Find("PasswordPolicies.complexity")!.Evaluate(SettingValue.Of(4, "UpperLowerCaseNumericSpecialCharacters")).ShouldBe(ComplianceStatus.Compliant);
    }

    [Fact]
    public void Lint_reports_unknown_mistyped_contradictory_duplicate_and_demoted_settings()
    {
        var b = Parse(Head + """

            <highRiskSecuritySettings>
            <booleanSetting name="PasswordPolicies.minPasswordLength" compliant="true" nonCompliant="critical"/>
            <numericRangeSetting name="PasswordPolicies.history" compliant="1.0" warning="3.0"/>
            <numericRangeSetting name="CertificateAndKeyManagement.expiredCert" compliant="1.0" warning="1.0"/>
            <enumSetting name="PasswordPolicies.expiration" compliant="Never,NinetyDays" warning="NinetyDays" critical="Fortnightly"/>
            <booleanSetting name="SessionSettings.csrfGet" compliant="true" nonCompliant="critical"/>
            <booleanSetting name="SessionSettings.csrfGet" compliant="true" nonCompliant="warning"/>
            <booleanSetting name="Made.up" compliant="true" nonCompliant="critical"/>
            </highRiskSecuritySettings>
            <informationalSecuritySettings>
            <booleanSetting name="SessionSettings.csrfPost" compliant="true" nonCompliant="critical"/>
            </informationalSecuritySettings>
            </baseline>
            """, "lint.xml");
        var issues = BaselineLinter.Lint(b, 30 * 1024).Select(i => $"{i.Origin.Line} {i.Key}: {i.Message}").ToList();
        issues.ShouldContain(i => i.StartsWith("1 (file): the file is 30,720 bytes"));
        issues.ShouldContain(i => i.StartsWith("3 PasswordPolicies.minPasswordLength: wrong element type: <booleanSetting>"));
        issues.ShouldContain(i => i.StartsWith("4 PasswordPolicies.history: compliant 1.0 is below warning 3.0"));
        issues.ShouldContain(i => i.StartsWith("5 CertificateAndKeyManagement.expiredCert: compliant and warning are both 1.0"));
        issues.ShouldContain(i => i.StartsWith("6 PasswordPolicies.expiration: \"Fortnightly\" in critical is not a value"));
        issues.ShouldContain(i => i.StartsWith("6 PasswordPolicies.expiration: \"NinetyDays\" is in both compliant and warning"));
        issues.ShouldContain(i => i.StartsWith("6 PasswordPolicies.expiration: compliant \"Never\" is weaker than warning \"NinetyDays\""));
        issues.ShouldContain(i => i.StartsWith("8 SessionSettings.csrfGet: duplicate setting (first at lint.xml:7)"));
        issues.ShouldContain(i => i.StartsWith("9 Made.up: unknown setting"));
        issues.ShouldContain(i => i.StartsWith("12 SessionSettings.csrfPost: moved to Informational from high risk"));
        issues.Count.ShouldBe(10);
    }

    [Fact]
    public void Lint_finds_nothing_in_the_bundled_standard()
    {
        BaselineLinter.Lint(Baseline.Standard, Baseline.StandardBytes().Length).ShouldBeEmpty();
    }
}
