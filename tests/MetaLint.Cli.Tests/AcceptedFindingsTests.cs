using Newtonsoft.Json.Linq;

namespace MetaLint.Cli.Tests;

/// Issue 15 point 4: adopting MetaLint on an existing org with metalint-accepted.json.
public sealed class AcceptedFindingsTests : IDisposable
{
    private const string Profiles = "force-app/main/default/profiles/";
    private readonly TempRepo _git = new();

    public void Dispose() => _git.Dispose();

    private string AcceptedPath => _git.Path("metalint-accepted.json");

    private CliResult Check(params string[] extra) => Cli.Run(["check", _git.Root, .. extra]);

    private static List<string> Active(CliResult r) =>
        ((JArray)JObject.Parse(r.Out)["findings"]!).Where(f => f["suppression"] == null)
        .Select(f => $"{f["ruleId"]} {f["subject"]}").ToList();

    private TempRepo Org(params (string Name, bool Enabled)[] admin) =>
        _git.Write("sfdx-project.json", "{\"packageDirectories\":[{\"path\":\"force-app\"}]}")
            .Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(admin));

    [Fact]
    public void Update_accepts_every_finding_and_later_runs_report_only_new_ones()
    {
        Org(("ModifyAllData", true), ("AuthorApex", true));
        var update = Check("--update-accepted");
        update.ExitCode.ShouldBe(0);
        update.Error.ShouldContain("metalint-accepted.json: 2 findings accepted in 1 file (2 added, 0 removed)");
        update.Out.ShouldContain("No problems found in 1 file. 2 accepted (1 error, 1 warning), not failing the build.");

        // Loaded automatically; lines moved by an added grant keep the accepted ones accepted.
        Org(("ViewSetup", true), ("ViewAllData", true), ("ModifyAllData", true), ("AuthorApex", true));
        var later = Check("--format", "json");
        later.ExitCode.ShouldBe(1);
        Active(later).ShouldBe(["ML1002 ViewAllData"]);
        var summary = JObject.Parse(later.Out)["summary"]!;
        ((int)summary["accepted"]!).ShouldBe(2);
        ((int)summary["errors"]!).ShouldBe(1);
    }

    [Fact]
    public void Rules_that_need_an_approved_exception_are_never_accepted()
    {
        Org(("ModifyAllData", true), ("AuthorApex", true));
        _git.Write("rules.yml", "policy:\n  require-approval: [ML1001]\n");
        var update = Check("--update-accepted", "--format", "json");
        update.ExitCode.ShouldBe(1);
        Active(update).ShouldBe(["ML1001 ModifyAllData"]);
        File.ReadAllText(AcceptedPath).ShouldNotContain("ML1001");

        // Nor does an entry written before the policy (or by hand) accept it.
        _git.Write("rules.yml", "");
        Check("--update-accepted").ExitCode.ShouldBe(0);
        _git.Write("rules.yml", "policy:\n  require-approval: [ML1001]\n");
        Active(Check("--format", "json")).ShouldBe(["ML1001 ModifyAllData"]);
    }

    [Fact]
    public void Accepted_file_is_sorted_counted_and_byte_identical_across_runs()
    {
        _git.Write(Profiles + "Zeta.profile-meta.xml", TempRepo.Profile(("ViewAllData", true), ("ModifyAllData", true)));
        Org(("ModifyAllData", true));
        Check("--update-accepted").ExitCode.ShouldBe(0);
        var first = File.ReadAllText(AcceptedPath);
        Check("--update-accepted").ExitCode.ShouldBe(0);
        File.ReadAllText(AcceptedPath).ShouldBe(first);

        var doc = JObject.Parse(first);
        ((int)doc["version"]!).ShouldBe(1);
        var files = (JObject)doc["files"]!;
        files.Properties().Select(p => p.Name).ShouldBe([Profiles + "Admin.profile-meta.xml", Profiles + "Zeta.profile-meta.xml"]);
        var zeta = (JObject)files[Profiles + "Zeta.profile-meta.xml"]!;
        zeta.Properties().Select(p => p.Name).ShouldBe(["ML1001", "ML1002"]);
        ((int)zeta["ML1002"]!["count"]!).ShouldBe(1);
        ((string)zeta["ML1002"]!["findings"]![0]!["subject"]!).ShouldBe("ViewAllData");
        ((string)zeta["ML1002"]!["findings"]![0]!["fingerprint"]!).Length.ShouldBe(32);
        first.ShouldNotContain("\r");
    }

    [Fact]
    public void Accepted_findings_are_suppressed_externally_in_sarif_naming_the_file()
    {
        Org(("ModifyAllData", true));
        Check("--update-accepted");
        var r = Check("--format", "sarif");
        r.ExitCode.ShouldBe(0);
        var suppression = JObject.Parse(r.Out)["runs"]![0]!["results"]![0]!["suppressions"]!.ShouldHaveSingleItem();
        ((string)suppression["kind"]!).ShouldBe("external");
        ((string)suppression["justification"]!).ShouldContain("metalint-accepted.json");
    }

    [Fact]
    public void Prune_removes_what_no_longer_occurs_and_adds_nothing()
    {
        Org(("ModifyAllData", true), ("ViewAllData", true));
        Check("--update-accepted");
        Org(("ModifyAllData", false), ("ViewAllData", true), ("AuthorApex", true));
        var prune = Check("--prune-accepted", "--format", "json");
        prune.Error.ShouldContain("1 finding accepted in 1 file (0 added, 1 removed)");
        Active(prune).ShouldBe(["ML1006 AuthorApex"]);
        var text = File.ReadAllText(AcceptedPath);
        text.ShouldContain("ViewAllData");
        text.ShouldNotContain("ModifyAllData");
        text.ShouldNotContain("AuthorApex");
    }

    [Fact]
    public void Update_on_part_of_the_project_keeps_the_other_files_entries()
    {
        _git.Write(Profiles + "Zeta.profile-meta.xml", TempRepo.Profile(("ViewAllData", true)));
        Org(("ModifyAllData", true));
        Check("--update-accepted");
        Cli.Run("check", _git.Path(Profiles + "Admin.profile-meta.xml"), "--update-accepted").ExitCode.ShouldBe(0);
        File.ReadAllText(AcceptedPath).ShouldContain("Zeta.profile-meta.xml");
    }

    [Fact]
    public void Named_accepted_file_is_used_and_a_missing_one_is_exit_2()
    {
        Org(("ModifyAllData", true));
        var other = _git.Path("config/accepted.json");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        Check("--accepted", other, "--update-accepted").ExitCode.ShouldBe(0);
        File.Exists(AcceptedPath).ShouldBeFalse();
        Check("--accepted", other).ExitCode.ShouldBe(0);
        Check().ExitCode.ShouldBe(1);

        var missing = Check("--accepted", _git.Path("nope.json"));
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("accepted findings file 'nope.json' does not exist");
    }

    [Theory]
    [InlineData("[]", "not an accepted-findings file of version 1")]
    [InlineData("{\"version\":1,\"files\":{\"a\":{\"ML1001\":{\"count\":2,\"findings\":[{\"fingerprint\":\"x\"}]}}}}", "\"count\" is 2 but 1 listed")]
    [InlineData("{\"version\":1,\"files\":{\"a\":{\"ML1001\":{\"count\":1,\"findings\":[{}]}}}}", "each finding needs a \"fingerprint\"")]
    [InlineData("{\"version\":1,\n\"files\":", "not valid JSON: line 2")]
    public void Broken_accepted_file_is_exit_2_with_one_clean_line(string content, string expected)
    {
        Org(("ModifyAllData", true));
        _git.Write("metalint-accepted.json", content);
        var r = Check();
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("metalint-accepted.json: ");
        r.Error.ShouldContain(expected);
        r.Error.ShouldNotContain("LineNumber");
        r.Error.Count(c => c == '\n').ShouldBe(1);
    }

    [Fact]
    public void Deeply_nested_or_oversized_accepted_file_is_refused()
    {
        Org(("ModifyAllData", true));
        _git.Write("metalint-accepted.json", new string('[', 100_000) + new string(']', 100_000));
        var deep = Check();
        deep.ExitCode.ShouldBe(2);
        deep.Error.ShouldContain("not valid JSON");

        File.WriteAllBytes(AcceptedPath, []);
        using (var f = File.OpenWrite(AcceptedPath)) f.SetLength(9L * 1024 * 1024);
        var big = Check();
        big.ExitCode.ShouldBe(2);
        big.Error.ShouldContain("over the 8,388,608-byte limit");
    }

    [Fact]
    public void Update_and_prune_cannot_run_in_git_modes_or_together()
    {
        Org(("ModifyAllData", true)).Commit("base");
        Check("--update-accepted", "--prune-accepted").ExitCode.ShouldBe(2);
        Check("--update-accepted", "--base", "HEAD").Error.ShouldContain("without --base or --staged");
    }

    [Fact]
    public void In_pr_mode_a_change_cannot_accept_its_own_findings()
    {
        Org(("ViewSetup", true)).Commit("base");
        Org(("ViewSetup", true), ("ModifyAllData", true));
        Check("--update-accepted").ExitCode.ShouldBe(0);   // the change writes an accepted file holding its own grant
        _git.Commit("grant and accept it");

        var r = Check("--base", "HEAD~1", "--format", "json");
        r.ExitCode.ShouldBe(1);
        Active(r).ShouldBe(["ML1001 ModifyAllData"]);
        Check().ExitCode.ShouldBe(0);   // outside PR mode the working tree's file applies
    }

    [Fact]
    public void In_pr_mode_the_base_commits_accepted_file_applies()
    {
        // The base accepted ModifyAllData when it was adopted, later revoked it without pruning; the change grants it
        // again: the base's own file accepts it.
        Org(("ModifyAllData", true));
        Check("--update-accepted").ExitCode.ShouldBe(0);
        _git.Commit("adopt");
        Org(("ModifyAllData", false)).Commit("revoke");
        Org(("ModifyAllData", true));
        File.Delete(AcceptedPath);   // what the working tree holds does not matter in PR mode

        var r = Check("--base", "HEAD", "--format", "json");
        r.ExitCode.ShouldBe(0);
        Active(r).ShouldBeEmpty();
        ((int)JObject.Parse(r.Out)["summary"]!["accepted"]!).ShouldBe(1);
    }
}
