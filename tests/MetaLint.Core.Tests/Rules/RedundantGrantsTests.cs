using System.Text;
using System.Text.Json;
using MetaLint.Core.Configuration;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Rules;

/// Per-object findings that ModifyAllData / ViewAllData cover fold into that finding (counted in its message, listed
/// as SARIF relatedLocations up to code scanning's 1,000); findings on standard profiles say what to do instead.
public sealed class RedundantGrantsTests
{
    private const string Ns = "http://soap.sforce.com/2006/04/metadata";

    private static string Container(string root, string head, int objects, bool modifyAll, bool viewAll, params string[] permissions)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root} xmlns=\"{Ns}\">\n{head}\n");
        for (var i = 0; i < objects; i++)
            sb.Append($"<objectPermissions><allowRead>true</allowRead><modifyAllRecords>{(modifyAll ? "true" : "false")}</modifyAllRecords>" +
                      $"<object>Obj{i}__c</object><viewAllRecords>{(viewAll ? "true" : "false")}</viewAllRecords></objectPermissions>\n");
        foreach (var p in permissions)
            sb.Append($"<userPermissions><enabled>true</enabled><name>{p}</name></userPermissions>\n");
        return sb.Append($"</{root}>\n").ToString();
    }

    private static AnalysisResult Check(string file, string text, string? rulesYml = null)
    {
        using var temp = new TempFolder("metalint-fold-");
        temp.Write(file, text);
        var config = rulesYml == null ? null : ConfigLoader.Parse(rulesYml, temp.Path("rules.yml"));
        return Run.Folder(temp.Root, config);
    }

    [Fact]
    public void Modify_All_Data_covers_every_object_grant_in_one_finding_with_at_most_1000_related_locations()
    {
        var r = Check("Admin.permissionset-meta.xml",
            Container("PermissionSet", "<label>Admin</label>", 1200, modifyAll: true, viewAll: true, "ModifyAllData"));
        var f = r.Findings.ShouldHaveSingleItem();
        f.RuleId.ShouldBe("ML1001");
        f.Message.ShouldBe("Permission set 'Admin' grants Modify All Data (ModifyAllData), which also covers " +
                           "Modify All on 1,200 objects and View All on 1,200 objects");
        f.Related.Count.ShouldBe(2400);
        f.Related[0].Message.ShouldBe("Modify All on Obj0__c (covered by Modify All Data)");

        using var sarif = JsonDocument.Parse(Run.Sarif(r));
        var related = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("relatedLocations");
        related.GetArrayLength().ShouldBe(RelatedLocation.SarifLimit);
        var first = related[0];
        first.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(4);   // the first object line
        first.GetProperty("message").GetProperty("text").GetString().ShouldBe("Modify All on Obj0__c (covered by Modify All Data)");
    }

    [Fact]
    public void View_All_Data_covers_View_All_but_not_Modify_All()
    {
        var r = Check("Auditor.permissionset-meta.xml",
            Container("PermissionSet", "<label>Auditor</label>", 2, modifyAll: true, viewAll: true, "ViewAllData"));
        r.Findings.Select(f => f.RuleId).Order().ShouldBe(["ML1002", "ML1003", "ML1003"]);
        r.Findings.Single(f => f.RuleId == "ML1002").Message
            .ShouldEndWith("grants View All Data (ViewAllData), which also covers View All on 2 objects");
    }

    [Fact]
    public void A_disabled_covering_rule_folds_nothing()
    {
        var r = Check("Admin.permissionset-meta.xml",
            Container("PermissionSet", "<label>Admin</label>", 2, modifyAll: true, viewAll: false, "ModifyAllData"),
            "rules:\n  ML1001:\n    enabled: false\n");
        r.Findings.Select(f => f.RuleId).ShouldBe(["ML1003", "ML1003"]);
    }

    [Fact]
    public void Standard_profile_findings_are_notes_that_say_what_to_do_and_rules_yml_sets_their_level()
    {
        var text = Container("Profile", "<custom>false</custom>\n<userLicense>Salesforce</userLicense>", 1, modifyAll: false,
            viewAll: false, "ModifyAllData", "AuthorApex");
        var ranges = text.Replace("</Profile>", "<loginIpRanges><endAddress>255.255.255.255</endAddress><startAddress>0.0.0.0</startAddress></loginIpRanges>\n</Profile>");
        var r = Check("Admin.profile-meta.xml", ranges);
        r.Findings.Select(f => $"{f.RuleId} {f.Level.ToText()}").Order()
            .ShouldBe(["ML1001 note", "ML1006 note", "ML1009 warning"]);   // login IP ranges stay editable
        r.Findings.Single(f => f.RuleId == "ML1001").Message.ShouldBe(
            "Profile 'Admin' grants Modify All Data (ModifyAllData) (standard profile: Salesforce does not allow editing " +
            "its permissions; move users who do not need this to a custom profile and restrict who is assigned this one)");

        Check("Admin.profile-meta.xml", ranges, "standard-profiles:\n  level: rule\n").Findings
            .Select(f => $"{f.RuleId} {f.Level.ToText()}").Order().ShouldBe(["ML1001 error", "ML1006 warning", "ML1009 warning"]);
        Check("Admin.profile-meta.xml", ranges, "standard-profiles:\n  level: warning\n").Findings
            .Select(f => $"{f.RuleId} {f.Level.ToText()}").Order().ShouldBe(["ML1001 warning", "ML1006 warning", "ML1009 warning"]);
    }

    [Fact]
    public void A_custom_profile_keeps_its_levels_and_messages()
    {
        var r = Check("Ops.profile-meta.xml", Container("Profile", "<custom>true</custom>", 0, false, false, "ModifyAllData"));
        r.Findings.ShouldHaveSingleItem().Level.ShouldBe(RuleLevel.Error);
        r.Findings[0].Message.ShouldBe("Profile 'Ops' grants Modify All Data (ModifyAllData)");
    }

    [Theory]
    [InlineData("standard-profiles:\n  level: loud\n", "'level' under 'standard-profiles' must be note, warning, error or rule, not 'loud'")]
    [InlineData("standard-profiles:\n  levels: note\n", "unknown key 'levels' under 'standard-profiles' (expected: level)")]
    public void A_bad_standard_profiles_key_is_one_clear_error(string yml, string message) =>
        Should.Throw<ConfigException>(() => ConfigLoader.Parse(yml, "rules.yml")).Message.ShouldContain(message);
}
