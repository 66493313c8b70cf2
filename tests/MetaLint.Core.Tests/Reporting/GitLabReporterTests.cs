using MetaLint.Core.Configuration;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.GitLab;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MetaLint.Core.Tests.Reporting;

/// GitLab Code Quality (artifacts:reports:codequality): one issue per active finding, GitLab's severity names.
public class GitLabReporterTests
{
    [Fact]
    public void Issues_are_the_active_findings_with_severity_path_lines_and_fingerprint()
    {
        var config = ConfigLoader.Parse(
            "exceptions:\n  - rule: ML1007\n    component: Profile:Help Center Profile\n    justification: Guest sign-in without MFA by design\n",
            "rules.yml");
        var r = Run.Folder(Repo.Path("testdata", "sample-org"), config);
        var w = new StringWriter();
        new GitLabReporter().Write(new Report(r.Findings, r.Rules, r.Discovery.Files.Count), w);
        var issues = JArray.Parse(w.ToString()).Cast<JObject>().ToList();

        r.Findings.ShouldContain(f => f.IsSuppressed && f.RuleId == "ML1007");
        issues.Select(i => (string)i["fingerprint"]!)
            .ShouldBe(r.Findings.Where(f => !f.IsSuppressed).Select(f => f.Fingerprint), ignoreOrder: true);
        issues.Select(i => (string)i["fingerprint"]!).ShouldBeUnique();

        var byFingerprint = r.Findings.ToDictionary(f => f.Fingerprint);
        foreach (var issue in issues)
        {
            var f = byFingerprint[(string)issue["fingerprint"]!];
            ((string)issue["severity"]!).ShouldBe(f.Level switch
            {
                RuleLevel.Error => "critical",
                RuleLevel.Warning => "major",
                _ => "minor",
            });
        }
        issues.Select(i => (string)i["severity"]!).Distinct().ShouldBe(["critical", "major", "minor"], ignoreOrder: true);

        var grant = issues.Single(i => (string)i["check_name"]! == "ML1001" && ((string)i["location"]!["path"]!).Contains("profiles"));
        grant.ToString(Newtonsoft.Json.Formatting.None).ShouldBe(
            "{\"description\":\"Profile 'Ops/Support Admin' grants Modify All Data (ModifyAllData), which also covers Modify All on 1 object and View All on 1 object\",\"check_name\":\"ML1001\"," +
            $"\"fingerprint\":\"{(string)grant["fingerprint"]!}\",\"severity\":\"critical\"," +
            "\"location\":{\"path\":\"force-app/main/default/profiles/Ops%2FSupport Admin.profile-meta.xml\",\"lines\":{\"begin\":39,\"end\":39}}}");
    }
}
