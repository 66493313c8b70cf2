using MetaLint.Cli.Terminal;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Json;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MetaLint.Core.Tests.Reporting;

/// testdata/sample-org against section A of its EXPECTED.md (the access and packaging rules).
public class SampleOrgTests
{
    private static readonly string Root = Repo.Path("testdata", "sample-org");
    private const string Profiles = "force-app/main/default/profiles/";
    private const string Sets = "force-app/main/default/permissionsets/";

    /// (rule, file, line, column, level) straight from EXPECTED.md section A.
    private static readonly string[] SectionA =
    [
        $"ML1009 {Profiles}Ops%2FSupport Admin.profile-meta.xml 5:5 warning",
        $"ML1006 {Profiles}Ops%2FSupport Admin.profile-meta.xml 27:9 warning",
        $"ML1006 {Profiles}Ops%2FSupport Admin.profile-meta.xml 31:9 warning",
        $"ML1006 {Profiles}Ops%2FSupport Admin.profile-meta.xml 35:9 warning",
        $"ML1001 {Profiles}Ops%2FSupport Admin.profile-meta.xml 39:9 error",
        $"ML1002 {Profiles}Ops%2FSupport Admin.profile-meta.xml 43:9 error",
        $"ML1008 {Profiles}Help Center Profile.profile-meta.xml 13:9 error",
        $"ML1008 {Profiles}Help Center Profile.profile-meta.xml 28:9 error",
        $"ML1007 {Profiles}Help Center Profile.profile-meta.xml 32:9 warning",
        $"ML2001 {Sets}Data_Steward.permissionset-meta.xml 6:5 note",
        $"ML1001 {Sets}Data_Steward.permissionset-meta.xml 23:9 error",
        $"ML1002 {Sets}Support_Lead/Support_Lead.userPermission-meta.xml 9:9 error",
        $"ML1003 {Sets}Support_Lead/objectSettings/Case.objectSettings-meta.xml 13:9 warning",
    ];

    private static AnalysisResult Analyse() => Run.Folder(Root);

    private static IEnumerable<Finding> AccessFindings(AnalysisResult r) =>
        r.Findings.Where(f => f.RuleId[..3] is "ML0" or "ML1" or "ML2");

    [Fact]
    public void Section_A_findings_as_section_G_folds_them()
    {
        AccessFindings(Analyse())
            .Select(f => $"{f.RuleId} {f.Path} {f.Span.StartLine}:{f.Span.StartColumn} {f.Level.ToText()}")
            .ShouldBe(SectionA, ignoreOrder: true);
    }

    [Fact]
    public void Messages_name_the_decoded_component_and_the_subject()
    {
        var messages = Analyse().Findings.Select(f => f.Message).ToList();
        messages.ShouldContain("Profile 'Ops/Support Admin' grants Modify All Data (ModifyAllData), which also covers " +
                               "Modify All on 1 object and View All on 1 object");
        messages.ShouldContain("Permission set 'Support_Lead' grants View All Data (ViewAllData)");
        messages.ShouldContain("Profile 'Help Center Profile' is a guest user profile and grants API Enabled (ApiEnabled)");
    }

    [Fact]
    public void Sarif_uses_relative_encoded_uris_and_end_columns()
    {
        var sarif = JObject.Parse(Run.Sarif(Analyse()));
        var result = sarif["runs"]![0]!["results"]!.First(r =>
            (string?)r["ruleId"] == "ML1001" && ((string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).Contains("profiles"));
        var location = result["locations"]![0]!["physicalLocation"]!;
        ((string)location["artifactLocation"]!["uri"]!).ShouldBe("force-app/main/default/profiles/Ops%252FSupport%20Admin.profile-meta.xml");
        ((string)location["artifactLocation"]!["uriBaseId"]!).ShouldBe("%SRCROOT%");
        ((int)location["region"]!["startLine"]!, (int)location["region"]!["startColumn"]!, (int)location["region"]!["endColumn"]!)
            .ShouldBe((39, 9, 35));
        ((string)result["level"]!).ShouldBe("error");
        var rule = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]![(int)result["ruleIndex"]!]!;
        ((string)rule["id"]!).ShouldBe("ML1001");
        ((string)rule["properties"]!["security-severity"]!).ShouldBe("9.1");
        rule["properties"]!["tags"]!.Values<string>().ShouldContain("security");
        ((string)rule["help"]!["markdown"]!).ShouldStartWith("# ML1001: Modify All Data granted");
    }

    [Fact]
    public void Sarif_snapshot_is_approved() =>
        Approved.ShouldMatch(Pinned(Run.Sarif(Analyse(), category: "sample")), "sample-org.sarif");

    /// What the snapshot pins: the results and the run's shape. Rule pages are pinned by RuleCatalogTests, so each
    /// embedded page is checked here and replaced by its path; only rules a result refers to are kept, and the
    /// index into rules[] is checked and dropped, so adding a rule elsewhere in the catalogue does not move it.
    private static string Pinned(string sarif)
    {
        var run = (JObject)JObject.Parse(sarif)["runs"]![0]!;
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        var used = new HashSet<string>();
        foreach (var result in run["results"]!.Cast<JObject>())
        {
            var id = (string)result["ruleId"]!;
            ((string)rules[(int)result["ruleIndex"]!]!["id"]!).ShouldBe(id);
            result.Remove("ruleIndex");
            used.Add(id);
        }
        foreach (var rule in rules.Cast<JObject>().ToList())
        {
            var id = (string)rule["id"]!;
            ((string)rule["help"]!["markdown"]!).ShouldBe(RuleDocs.Markdown(id));
            rule["help"]!["markdown"] = RuleCatalog.Get(id).Descriptor.DocPath;
            if (!used.Contains(id)) rule.Remove();
        }
        return run.Root.ToString(Newtonsoft.Json.Formatting.Indented).ReplaceLineEndings("\n") + "\n";
    }

    [Fact]
    public void Every_report_format_is_byte_identical_across_runs()
    {
        foreach (var reporter in new IReporter[] { new Core.Reporting.Sarif.SarifReporter(), new JsonReporter(), new TextReporter(color: false) })
        {
            string Render()
            {
                var r = Analyse();
                var w = new StringWriter();
                reporter.Write(new Report(r.Findings, r.Rules, r.Discovery.Files.Count), w);
                return w.ToString();
            }
            Render().ShouldBe(Render(), reporter.GetType().Name);
        }
    }

    [Fact]
    public void Muting_set_and_group_report_nothing()
    {
        Analyse().Findings.ShouldNotContain(f =>
            f.Path.Contains("mutingpermissionsets") || f.Path.Contains("permissionsetgroups"));
    }

    [Fact]
    public void Text_report_groups_by_file_and_counts()
    {
        var r = Analyse();
        var w = new StringWriter();
        new TextReporter(color: false).Write(new Report(r.Findings, r.Rules, r.Discovery.Files.Count), w);
        var text = w.ToString();
        text.ShouldContain($"{Profiles}Ops%2FSupport Admin.profile-meta.xml\n  5:5   warning  ML1009  Profile 'Ops/Support Admin' allows login from 0.0.0.0-255.255.255.255");
        text.ShouldNotContain("\u001b[");
        text.ShouldContain($"{r.Findings.Count} problems (");
    }

    [Fact]
    public void Coloured_text_is_the_plain_text_plus_ansi_styles()
    {
        var r = Analyse();
        string Render(bool color)
        {
            var w = new StringWriter();
            new TextReporter(color).Write(new Report(r.Findings, r.Rules, r.Discovery.Files.Count), w);
            return w.ToString();
        }
        var colored = Render(color: true);
        colored.ShouldContain("\u001b[91merror  \u001b[0m");     // red level
        colored.ShouldContain("\u001b[93mwarning\u001b[0m");     // yellow level
        System.Text.RegularExpressions.Regex.Replace(colored, "\u001b\\[[0-9;]*m", "").ShouldBe(Render(color: false));
    }
}
