using System.Globalization;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;
using Run = MetaLint.Core.Tests.Support.Run;

namespace MetaLint.Core.Tests.Reporting;

/// Issue 15 point 5 (SARIF2002): every result's message is one of its rule's messageStrings filled with arguments from
/// the finding's facts, and the text code scanning shows is exactly that template filled in.
public class SarifMessagesTests
{
    private static List<(string Id, string Template, IList<string> Arguments, string Text)> Messages(Report report)
    {
        var run = SarifReporter.Build(report).Runs[0];
        return [.. run.Results.Select(r =>
        {
            var template = run.Tool.Driver.Rules[r.RuleIndex].MessageStrings[r.Message.Id].Text;
            string.Format(CultureInfo.InvariantCulture, template, [.. r.Message.Arguments]).ShouldBe(r.Message.Text);
            return (r.Message.Id, template, r.Message.Arguments, r.Message.Text);
        })];
    }

    [Fact]
    public void Standard_profile_note_and_parse_failures_keep_honest_templates()
    {
        using var tmp = new MetaLint.Tests.Support.TempFolder();
        tmp.Write("profiles/Admin.profile-meta.xml", "<?xml version=\"1.0\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
            "<custom>false</custom><userPermissions><enabled>true</enabled><name>AuthorApex</name></userPermissions></Profile>\n");
        tmp.Write("profiles/Broken.profile-meta.xml", "<Profile><unclosed></Profile>");
        var r = Run.Folder(tmp.Root);
        var messages = Messages(new Report(r.Findings, r.Rules, r.Discovery.Files.Count));

        var standard = messages.Single(m => m.Text.Contains("(AuthorApex)"));
        standard.Id.ShouldBe("permissionWithNote");
        standard.Template.ShouldBe("{0} '{1}' grants high-risk permission {2}{3}.");
        standard.Arguments.ShouldBe(["Profile", "Admin", "Author Apex (AuthorApex)", MetaLint.Core.Rules.Permissions.StandardProfileFindings.Advice]);
        var broken = messages.Single(m => m.Text.Contains("cannot be parsed"));
        broken.Id.ShouldBe("component");
        broken.Arguments[1].ShouldBe("Broken");
    }

    [Fact]
    public void Braces_other_wordings_and_messages_without_facts_still_fill_in_to_their_text()
    {
        var r = Run.Folder(Repo.Path("testdata", "sample-org"));
        var apex = r.Findings.First(f => f.Fact is PermissionFact { Permission: "AuthorApex" });
        var setting = r.Findings.First(f => f.Fact is SettingFact);
        Finding[] findings =
        [
            apex,
            apex with { Message = $"Profile '{apex.ComponentName}' gr{{a}}nts {{0}} Author Apex (AuthorApex)" },
            apex with { Message = "Exception for ML1006 {0} expired.", Fact = null },
            setting with { Message = "Security settings: sessionTimeout is not set (no <timeout>), so the org keeps it", Fact = new SettingFact("sessionTimeout", "timeout", null) },
        ];
        var messages = Messages(new Report(findings, r.Rules, r.Discovery.Files.Count));

        messages[1].Id.ShouldBe("permission2");   // the same fact worded another way gets its own id
        messages[1].Template.ShouldBe("{0} '{1}' gr{{a}}nts {{0}} {2}.");
        messages[2].Id.ShouldBe("default");
        messages[2].Text.ShouldBe("Exception for ML1006 {0} expired.");   // one full stop, not two
        messages[3].Id.ShouldBe("settingNotSet");
        messages[3].Arguments.ShouldBe(["Security settings", "sessionTimeout", " (no <timeout>), so the org keeps it"]);
    }
}
