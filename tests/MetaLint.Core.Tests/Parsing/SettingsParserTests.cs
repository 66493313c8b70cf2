using MetaLint.Core.Baselines;
using MetaLint.Core.Model;
using MetaLint.Core.Parsing;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Parsing;

public sealed class SettingsParserTests : IDisposable
{
    private readonly TempFolder _tmp = new("metalint-settings-");

    public void Dispose() => _tmp.Dispose();

    private ParsedFile Parse(string name, MetadataKind kind, string xml)
    {
        var path = Path.Combine(_tmp.Root, name);
        File.WriteAllText(path, xml);
        return MetadataParser.Parse(new SourceFile(path, name, kind, "x"));
    }

    [Fact]
    public void Old_api_file_and_nil_elements_load_without_error()
    {
        var parsed = Parse("Security.settings", MetadataKind.SecuritySettings, """
            <?xml version="1.0" encoding="UTF-8"?>
            <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <isTLSv12Required xsi:nil="true"/>
                <passwordPolicies>
                    <expiration>NinetyDays</expiration>
                    <minPasswordLength>EightCharacters</minPasswordLength>
                    <questionRestriction xsi:nil="true"/>
                </passwordPolicies>
                <sessionSettings>
                    <enableClickjackSetup>true</enableClickjackSetup>
                </sessionSettings>
            </SecuritySettings>
            """);
        parsed.Failure.ShouldBeNull();
        var s = parsed.Settings.ShouldBeOfType<SecuritySettings>();
        s.Element("passwordPolicies")!.Values.Keys.ShouldBe(["expiration", "minPasswordLength"], ignoreOrder: true);
        s.Element("passwordPolicies")!.Location.Span.StartLine.ShouldBe(4);
        s.Elements.Keys.ShouldBe(["passwordPolicies", "sessionSettings"], ignoreOrder: true);   // nil isTLSv12Required is absent

        var length = SettingCatalog.Read(SettingCatalog.Find("PasswordPolicies.minPasswordLength")!, s)!;
        (length.Element, length.Value!.Value.Number, length.Location.Span.StartLine, length.Location.Span.StartColumn)
            .ShouldBe(("minPasswordLength", 8.0, 6, 9));
        Baseline.Standard.Find("PasswordPolicies.minPasswordLength")!.Evaluate(length.Value.Value).ShouldBe(ComplianceStatus.Compliant);
        SettingCatalog.Read(SettingCatalog.Find("SessionSettings.timeout")!, s).ShouldBeNull();
        SettingCatalog.Read(SettingCatalog.Find("PasswordPolicies.questionRestriction")!, s).ShouldBeNull();
    }

    [Fact]
    public void A_top_level_setting_reads_its_own_element_and_nil_network_access_is_absent()
    {
        var s = Parse("Security.settings", MetadataKind.SecuritySettings, """
            <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <enableAdminLoginAsAnyUser>true</enableAdminLoginAsAnyUser>
                <enableOtherThing>false</enableOtherThing>
                <networkAccess xsi:nil="true"/>
            </SecuritySettings>
            """).Settings.ShouldBeOfType<SecuritySettings>();
        // Any top-level row reads its own element (a new one once read enableAdminLoginAsAnyUser).
        SettingCatalog.Read(new SettingDefinition("Custom.other", "Other", SettingValueType.Boolean, "", "enableOtherThing"), s)!
            .Raw.ShouldBe("false");
        SettingCatalog.Read(new SettingDefinition("Custom.absent", "Absent", SettingValueType.Boolean, "", "enableAbsent"), s).ShouldBeNull();
        SettingCatalog.Read(SettingCatalog.Find("LoginAccessPolicies.adminLoginAsAnyUser")!, s)!.Raw.ShouldBe("true");
        // Nil is absent (contract: missing, nil or not recognised gives no finding), not "no trusted IP ranges".
        s.NetworkAccess.ShouldBeNull();
        SettingCatalog.Read(SettingCatalog.Find("NetworkSecurity.trustedIpRangesConfigured")!, s).ShouldBeNull();
    }

    [Fact]
    public void Profile_policies_are_keyed_on_their_profile_element()
    {
        var ppp = Parse("X_profilePasswordPolicy1487029411628.profilePasswordPolicy", MetadataKind.ProfilePasswordPolicy, """
            <ProfilePasswordPolicy xmlns="http://soap.sforce.com/2006/04/metadata">
                <maxLoginAttempts>5</maxLoginAttempts>
                <profile>E-Bikes Profile</profile>
            </ProfilePasswordPolicy>
            """).Settings.ShouldBeOfType<ProfilePasswordPolicy>();
        (ppp.Name, ppp.DisplayName).ShouldBe(("E-Bikes Profile", "Profile password policy for 'E-Bikes Profile'"));
        SettingCatalog.Read(SettingCatalog.Find("PasswordPolicies.maxLoginAttempts")!, ppp)!.Display.ShouldBe("5 (FiveAttempts)");

        var pss = Parse("null_profileSessionSetting1.profileSessionSetting", MetadataKind.ProfileSessionSetting, """
            <ProfileSessionSetting xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <profile xsi:nil="true"/>
                <sessionTimeout>0</sessionTimeout>
            </ProfileSessionSetting>
            """).Settings.ShouldBeOfType<ProfileSessionSetting>();
        pss.Profile.ShouldBeNull();
        pss.DisplayName.ShouldBe("Profile session setting (profile not set)");
        // The contract reads 0 as the documented "2 hours".
        SettingCatalog.Read(SettingCatalog.Find("SessionSettings.timeout")!, pss)!.Display.ShouldBe("0 (TwoHours)");
    }

    [Theory]
    [InlineData("<SecuritySettings xmlns=\"http://soap.sforce.com/2006/04/metadata\"><passwordPolicies></SecuritySettings>")]
    [InlineData("<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>")]
    [InlineData("")]
    public void A_malformed_settings_file_is_a_parse_failure(string xml)
    {
        var parsed = Parse("Security.settings-meta.xml", MetadataKind.SecuritySettings, xml);
        parsed.Failure.ShouldNotBeNull();
        parsed.Settings.ShouldBeNull();
    }
}
