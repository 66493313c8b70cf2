using MetaLint.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MetaLint.Cli.Tests;

/// PR mode (--base), --changed-only, --staged and --evidence on repositories built by the tests.
public sealed class GitModeTests : IDisposable
{
    private const string Profiles = "force-app/main/default/profiles/";
    private readonly TempRepo _git = new();

    public void Dispose() => _git.Dispose();

    private CliResult Check(params string[] extra) => Cli.Run(["check", _git.Root, .. extra]);

    private static List<string> Findings(CliResult r) =>
        ((JArray)JObject.Parse(r.Out)["findings"]!).Select(f => $"{f["path"]}:{f["startLine"]} {f["ruleId"]}").ToList();

    [Fact]
    public void Only_grants_the_change_introduces_are_reported()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true)))
            .Write(Profiles + "Sales.profile-meta.xml", TempRepo.Profile(("ApiEnabled", true)))
            .Commit("base");
        _git.Write(Profiles + "Sales.profile-meta.xml", TempRepo.Profile(("ApiEnabled", true), ("ModifyAllData", true)));

        var r = Check("--base", "HEAD", "--format", "json");
        r.ExitCode.ShouldBe(1);
        Findings(r).ShouldBe([$"{Profiles}Sales.profile-meta.xml:10 ML1001"]);
    }

    [Fact]
    public void Text_summary_lists_escalations_per_component()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true))).Commit("base");
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true), ("ModifyAllData", true), ("AuthorApex", true)));
        var r = Check("--base", "HEAD");
        r.Out.ShouldStartWith("Escalations introduced by this change (against HEAD, ");
        r.Out.ShouldContain("  Profile 'Admin': +Modify All Data, +Author Apex\n");
    }

    [Fact]
    public void Moved_grant_is_not_new_and_removed_grant_is_not_a_finding()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true), ("ViewAllData", true))).Commit("base");

        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ApiEnabled", true), ("ViewAllData", true), ("ModifyAllData", true)));
        var moved = Check("--base", "HEAD", "--format", "json");
        Findings(moved).ShouldBeEmpty();
        moved.ExitCode.ShouldBe(0);

        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", false), ("ViewAllData", true)));
        Findings(Check("--base", "HEAD", "--format", "json")).ShouldBeEmpty();
    }

    [Fact]
    public void Renamed_file_keeps_its_findings_matched_and_new_files_are_compared_with_nothing()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true))).Commit("base");
        File.Move(_git.Path(Profiles + "Admin.profile-meta.xml"), _git.Path(Profiles + "Admin.profile"));
        _git.Write("force-app/main/default/permissionsets/Ops.permissionset-meta.xml",
            TempRepo.Profile(("ViewAllData", true)).Replace("Profile", "PermissionSet"));
        _git.Commit("rename and add");

        var r = Check("--base", "HEAD~1", "--format", "json");
        Findings(r).ShouldBe(["force-app/main/default/permissionsets/Ops.permissionset-meta.xml:6 ML1002"]);
    }

    [Fact]
    public void Changed_only_limits_both_sides_to_changed_files()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true)))
            .Write(Profiles + "Sales.profile-meta.xml", TempRepo.Profile(("ViewSetup", true)))
            .Commit("base");
        _git.Write(Profiles + "Sales.profile-meta.xml", TempRepo.Profile(("ViewSetup", true), ("ViewAllData", true)));
        var r = Check("--base", "HEAD", "--changed-only", "--format", "sarif");
        var run = JObject.Parse(r.Out)["runs"]![0]!;
        run["results"]!.Select(x => (string)x["ruleId"]!).ShouldBe(["ML1002"]);
        ((string)run["properties"]!["metalint/baseRef"]!).ShouldBe("HEAD");
    }

    [Fact]
    public void Staged_content_counts_and_unstaged_changes_do_not()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true)))
            .Write(Profiles + "Other.profile-meta.xml", TempRepo.Profile(("ViewSetup", true)))
            .Commit("base");
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true), ("ViewAllData", true)))
            .Stage(Profiles + "Admin.profile-meta.xml");
        // After staging: the working copy gains ModifyAllData, and another file changes without being staged.
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true), ("ViewAllData", true)))
            .Write(Profiles + "Other.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true)));

        var r = Check("--staged", "--format", "json");
        r.Error.ShouldBeEmpty();
        Findings(r).ShouldBe([$"{Profiles}Admin.profile-meta.xml:10 ML1002"]);

        // lint-staged style: file arguments, of which only staged ones count.
        var files = Cli.Run("check", "--staged", "--format", "json",
            _git.Path(Profiles + "Admin.profile-meta.xml"), _git.Path(Profiles + "Other.profile-meta.xml"));
        Findings(files).ShouldBe([$"{Profiles}Admin.profile-meta.xml:10 ML1002"]);
    }

    [Fact]
    public void Staged_file_unchanged_since_staging_gives_the_staged_findings()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true))).Commit("base");
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true), ("ViewAllData", true)))
            .Stage(Profiles + "Admin.profile-meta.xml");
        Findings(Check("--staged", "--format", "json")).ShouldBe([$"{Profiles}Admin.profile-meta.xml:10 ML1002"]);
    }

    [Fact]
    public void Same_size_edit_right_after_staging_is_not_mistaken_for_the_staged_content()
    {
        // Same length and (likely) the same mtime second as the staged version: only content tells them apart.
        // (The base's entry is false: dropping it revokes nothing, so only the staged grant is reported.)
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", false))).Commit("base");
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true)))
            .Stage(Profiles + "Admin.profile-meta.xml")
            .Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllDatX", true)));
        Findings(Check("--staged", "--format", "json")).ShouldBe([$"{Profiles}Admin.profile-meta.xml:6 ML1001"]);
    }

    [Fact]
    public void Skip_worktree_files_are_read_from_the_index_not_from_their_edited_working_copy()
    {
        // A common SFDX habit: a local-only .forceignore tweak hidden from git with skip-worktree. git status calls
        // it unchanged, but the commit carries the staged .forceignore, which does not ignore profiles.
        _git.Write(".forceignore", "# nothing ignored\n")
            .Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", false)))
            .Commit("base");
        Git("update-index", "--skip-worktree", ".forceignore");
        _git.Write(".forceignore", "# nothing ignored\n**/profiles/**\n")
            .Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true)))
            .Stage(Profiles + "Admin.profile-meta.xml");
        // And a staged profile marked skip-worktree, then edited: the staged grant is what gets committed.
        _git.Write(Profiles + "Other.profile-meta.xml", TempRepo.Profile(("ViewAllData", true)))
            .Stage(Profiles + "Other.profile-meta.xml");
        Git("update-index", "--skip-worktree", Profiles + "Other.profile-meta.xml");
        _git.Write(Profiles + "Other.profile-meta.xml", TempRepo.Profile(("ViewSetup", true)));

        Findings(Check("--staged", "--format", "json")).ShouldBe(
            [$"{Profiles}Admin.profile-meta.xml:6 ML1001", $"{Profiles}Other.profile-meta.xml:6 ML1002"]);
    }

    /// Flags TempRepo's LibGit2Sharp cannot set (skip-worktree) come from the git command line.
    private void Git(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = _git.Root, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var git = System.Diagnostics.Process.Start(start)!;
        git.WaitForExit();
        git.ExitCode.ShouldBe(0, git.StandardError.ReadToEnd());
    }

    [Fact]
    public async Task Evidence_record_validates_against_its_schema_and_names_commit_exceptions_and_gate()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true), ("AuthorApex", true)))
            .Write("rules.yml", "exceptions:\n  - rule: ML1001\n    component: Profile:Admin\n    justification: Break-glass admin\n    approvedBy: sec@example.com\n    expires: 2099-12-31\n");
        var head = _git.Commit("admin profile");
        var evidence = _git.Path("out/evidence.json");

        var r = Check("--evidence", evidence, "--fail-on", "warning");
        r.ExitCode.ShouldBe(1);
        var json = File.ReadAllText(evidence);
        var schema = await JsonSchema.FromFileAsync(Cli.RepoPath("docs", "evidence.schema.json"));
        schema.Validate(json).Select(e => $"{e.Path}: {e.Kind}").ShouldBeEmpty();

        var doc = JObject.Parse(json);
        ((string)doc["commit"]!["sha"]!).ShouldBe(head);
        ((string)doc["commit"]!["author"]!["email"]!).ShouldBe("ada@example.com");
        var exception = doc["exceptionsApplied"]!.ShouldHaveSingleItem();
        ((string)exception["approvedBy"]!).ShouldBe("sec@example.com");
        ((int)exception["findingsSuppressed"]!).ShouldBe(1);
        ((int)doc["counts"]!["byRule"]!["ML1006"]!["warning"]!).ShouldBe(1);
        ((int)doc["counts"]!["suppressed"]!).ShouldBe(1);
        ((string)doc["gate"]!["decision"]!).ShouldBe("fail");
        ((int)doc["gate"]!["exitCode"]!).ShouldBe(1);
        doc["paths"]!["files"]!.Values<string>().ShouldBe([$"{Profiles}Admin.profile-meta.xml"]);
    }

    [Fact]
    public async Task Evidence_schema_rejects_a_broken_record()
    {
        var schema = await JsonSchema.FromFileAsync(Cli.RepoPath("docs", "evidence.schema.json"));
        schema.Validate("""{ "schemaVersion": "1", "gate": { "decision": "maybe" } }""").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("--base", "no-such-branch")]
    [InlineData("--changed-only")]
    public void Bad_git_usage_is_exit_2(params string[] args)
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true))).Commit("base");
        var r = Check(args);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldNotBeEmpty();
    }

    [Fact]
    public void Base_outside_a_repository_is_exit_2()
    {
        using var dir = new TempFolder("metalint-nogit-");
        var r = Cli.Run("check", dir.Root, "--base", "HEAD");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("not a git repository");
    }
}

/// PR mode on settings that were already failing and get worse.
public sealed class GitModeSettingsTests : IDisposable
{
    private const string Security = "force-app/main/default/settings/Security.settings-meta.xml";
    private readonly TempRepo _git = new();

    public void Dispose() => _git.Dispose();

    private static string Settings(string timeout, string expiration) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SecuritySettings xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
        $"    <passwordPolicies>\n        <expiration>{expiration}</expiration>\n    </passwordPolicies>\n" +
        $"    <sessionSettings>\n        <sessionTimeout>{timeout}</sessionTimeout>\n    </sessionSettings>\n</SecuritySettings>\n";

    [Fact]
    public void A_setting_that_gets_worse_is_introduced_even_if_it_was_already_failing()
    {
        _git.Write(Security, Settings("TwelveHours", "OneYear")).Commit("base");   // timeout warning, expiration critical
        _git.Write(Security, Settings("TwentyFourHours", "Never"));                // critical, and critical again
        // Low risk (timeout) is a note and medium-risk critical (expiration) a warning: fail on notes to see both.
        var r = Cli.Run("check", _git.Root, "--base", "HEAD", "--fail-on", "note");
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("  Security.settings: expiration OneYear -> Never, sessionTimeout TwelveHours -> TwentyFourHours\n");
    }

    [Fact]
    public void A_setting_that_improves_within_its_level_is_not_reported()
    {
        _git.Write(Security, Settings("TwentyFourHours", "OneYear")).Commit("base");
        _git.Write(Security, Settings("TwelveHours", "OneYear"));                  // critical -> warning
        var r = Cli.Run("check", _git.Root, "--base", "HEAD", "--format", "json");
        ((Newtonsoft.Json.Linq.JArray)Newtonsoft.Json.Linq.JObject.Parse(r.Out)["findings"]!).ShouldBeEmpty();
        r.ExitCode.ShouldBe(0);
    }
}
