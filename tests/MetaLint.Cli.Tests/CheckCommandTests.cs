using MetaLint.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MetaLint.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private static readonly string SampleOrg = Cli.RepoPath("testdata", "sample-org");
    private readonly TempFolder _tmp = new("metalint-cli-");

    public void Dispose() => _tmp.Dispose();

    private string Write(string rel, string content)
    {
        var path = Path.Combine(_tmp.Root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Profile(string permission, bool enabled = true) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
        $"    <userPermissions>\n        <enabled>{(enabled ? "true" : "false")}</enabled>\n        <name>{permission}</name>\n    </userPermissions>\n</Profile>\n";

    [Fact]
    public void Sample_org_in_text_exits_1_with_findings()
    {
        var r = Cli.Run("check", SampleOrg);
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("ML1001");
        r.Out.ShouldContain("Profile 'Ops/Support Admin' grants Modify All Data (ModifyAllData)");
    }

    [Theory]
    [InlineData("never", "ModifyAllData", 0)]
    [InlineData("error", "ModifyAllData", 1)]
    [InlineData("error", "AuthorApex", 0)]
    [InlineData("warning", "AuthorApex", 1)]
    [InlineData("note", "ViewSetup", 0)]
    public void Fail_on_sets_the_exit_code(string failOn, string permission, int exit)
    {
        Write("p/Admin.profile-meta.xml", Profile(permission));
        Cli.Run("check", Path.Combine(_tmp.Root, "p"), "--fail-on", failOn).ExitCode.ShouldBe(exit);
    }

    [Fact]
    public void Clean_tree_exits_0_and_says_so()
    {
        Write("p/Admin.profile-meta.xml", Profile("ModifyAllData", enabled: false));
        var r = Cli.Run("check", Path.Combine(_tmp.Root, "p"));
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldContain("No problems found in 1 file.");
    }

    [Theory]
    [InlineData("check", "--bogus")]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--fail-on", "sometimes")]
    [InlineData("frobnicate")]
    [InlineData("check", "SAMPLE", "--bogus")]
    [InlineData("check", "SAMPLE", "--formt", "sarif", "--fail-on", "never")]
    [InlineData("check", "SAMPLE", "no-such-folder", "--fail-on", "never")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var r = Cli.Run([.. args.Select(a => a == "SAMPLE" ? SampleOrg : a)]);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldNotBeEmpty();
    }

    [Fact]
    public void Bad_rules_yml_exits_2_naming_file_line_and_problem()
    {
        Write("p/Admin.profile-meta.xml", Profile("ModifyAllData"));
        var config = Write("bad.yml", "rules:\n  ML1001:\n    level: loud\n");
        var r = Cli.Run("check", Path.Combine(_tmp.Root, "p"), "--config", config);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain($"{config}:3:");
        r.Error.ShouldContain("'level' must be error, warning or note");
    }

    [Fact]
    public void Nearest_rules_yml_is_used()
    {
        Write("p/Admin.profile-meta.xml", Profile("ModifyAllData"));
        Write("p/rules.yml", "rules:\n  ML1001:\n    level: note\n");
        var r = Cli.Run("check", Path.Combine(_tmp.Root, "p"));
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldContain("note     ML1001");
    }

    [Fact]
    public async Task Output_file_gets_schema_valid_sarif_with_category()
    {
        var output = Path.Combine(_tmp.Root, "out", "metalint.sarif");
        var r = Cli.Run("check", SampleOrg, "--format", "sarif", "--output", output, "--category", "metadata");
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldBeEmpty();
        var sarif = File.ReadAllText(output);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "sarif-2.1.0.json"));
        schema.Validate(sarif).ShouldBeEmpty();
        var run = JObject.Parse(sarif)["runs"]!.ShouldHaveSingleItem();
        ((string)run["automationDetails"]!["id"]!).ShouldBe("metadata/");
        ((string)run["tool"]!["driver"]!["name"]!).ShouldBe("MetaLint");
    }

    [Fact]
    public void Json_report_lists_findings_and_summary()
    {
        var r = Cli.Run("check", SampleOrg, "--format", "json");
        var doc = JObject.Parse(r.Out);
        var findings = (JArray)doc["findings"]!;
        ((int)doc["summary"]!["findings"]!).ShouldBe(findings.Count);
        findings.ShouldContain(f => (string?)f["ruleId"] == "ML1001" && (string?)f["component"] == "Ops/Support Admin" && (int?)f["startLine"] == 39);
    }

    [Fact]
    public void Unparsable_file_is_ML0001_and_other_files_are_still_analysed()
    {
        Write("p/Broken.profile-meta.xml", "<?xml version=\"1.0\"?>\n<Profile>\n  <userPermissions>\n");
        Write("p/Admin.profile-meta.xml", Profile("ViewAllData"));
        var r = Cli.Run("check", Path.Combine(_tmp.Root, "p"), "--format", "json");
        r.ExitCode.ShouldBe(1);
        var ids = ((JArray)JObject.Parse(r.Out)["findings"]!).Select(f => $"{f["path"]} {f["ruleId"]}").ToList();
        ids.ShouldBe(["Admin.profile-meta.xml ML1002", "Broken.profile-meta.xml ML0001"]);
    }

    [Fact]
    public void Manifest_alone_is_not_a_finding()
    {
        // package.xml is not metadata MetaLint reads: no ML0001, and (issue 15) an empty run is exit 2 unless allowed.
        var manifest = Path.Combine(SampleOrg, "manifest", "package.xml");
        var r = Cli.Run("check", manifest);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("no Salesforce metadata found");
        var allowed = Cli.Run("check", manifest, "--allow-empty");
        allowed.ExitCode.ShouldBe(0);
        allowed.Out.ShouldNotContain("ML0001");
    }

    [Fact]
    public void Missing_path_is_a_usage_error()
    {
        var r = Cli.Run("check", Path.Combine(_tmp.Root, "does-not-exist"));
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("path not found");
    }
}
