using Newtonsoft.Json.Linq;

namespace MetaLint.Cli.Tests;

/// Issue 12, points 2 and 3 on real repositories: a grant deleted from a profile instead of revoked (ML1010) fails
/// --base and --staged; --staged reports what the commit introduces relative to HEAD, --staged --all everything.
public sealed class ChangeGateTests : IDisposable
{
    private const string Admin = "force-app/main/default/profiles/Admin.profile-meta.xml";
    private const string Ops = "force-app/main/default/permissionsets/Ops.permissionset-meta.xml";
    private readonly TempRepo _git = new();

    public void Dispose() => _git.Dispose();

    private CliResult Check(params string[] extra) => Cli.Run(["check", _git.Root, .. extra]);

    private static List<string> Findings(CliResult r) =>
        ((JArray)JObject.Parse(r.Out)["findings"]!).Select(f => $"{f["path"]}:{f["startLine"]} {f["ruleId"]}").ToList();

    private void BaseWithAdminGrant() =>
        _git.Write(Admin, TempRepo.Profile(("ModifyAllData", true), ("ViewSetup", true))).Commit("base");

    [Fact]
    public void Deleting_a_profile_grant_fails_the_pull_request_with_how_to_revoke_it()
    {
        BaseWithAdminGrant();
        _git.Write(Admin, TempRepo.Profile(("ViewSetup", true))).Commit("drop it");

        var r = Check("--base", "HEAD~1", "--format", "json");
        r.ExitCode.ShouldBe(1);
        Findings(r).ShouldBe([$"{Admin}:4 ML1010"]);   // where the ModifyAllData block was
        var message = (string)JObject.Parse(r.Out)["findings"]![0]!["message"]!;
        message.ShouldContain("Profile 'Admin' no longer mentions user permission ModifyAllData, which the base granted: " +
                              "a deploy leaves it granted in the org");
        message.ShouldContain("<enabled>false</enabled><name>ModifyAllData</name>");

        var text = Check("--base", "HEAD~1");
        text.Out.ShouldContain("  Profile 'Admin': -user permission ModifyAllData (deleted, not revoked)\n");
    }

    [Fact]
    public void Setting_the_grant_to_false_passes()
    {
        BaseWithAdminGrant();
        _git.Write(Admin, TempRepo.Profile(("ModifyAllData", false), ("ViewSetup", true)));
        var r = Check("--base", "HEAD", "--format", "json");
        r.ExitCode.ShouldBe(0);
        Findings(r).ShouldBeEmpty();
    }

    [Fact]
    public void Deleting_a_permission_set_entry_revokes_it_and_is_not_reported()
    {
        _git.Write(Ops, TempRepo.Profile(("ModifyAllData", true)).Replace("Profile", "PermissionSet")).Commit("base");
        _git.Write(Ops, TempRepo.Profile().Replace("Profile", "PermissionSet"));
        Check("--base", "HEAD").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Staged_deletion_of_a_grant_is_reported_by_the_pre_commit_hook()
    {
        BaseWithAdminGrant();
        _git.Write(Admin, TempRepo.Profile(("ViewSetup", true))).Stage(Admin);
        var r = Check("--staged", "--format", "json");
        r.ExitCode.ShouldBe(1);
        Findings(r).ShouldBe([$"{Admin}:4 ML1010"]);
    }

    [Fact]
    public void Pre_commit_lets_through_a_harmless_change_to_a_file_that_already_had_an_error()
    {
        BaseWithAdminGrant();
        _git.Write(Admin, TempRepo.Profile(("ModifyAllData", true), ("ViewSetup", true), ("ApiEnabled", true))).Stage(Admin);

        var r = Check("--staged");
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldStartWith("This change introduces no new findings (against HEAD, ");

        var all = Check("--staged", "--all", "--format", "json");
        all.ExitCode.ShouldBe(1);
        Findings(all).ShouldBe([$"{Admin}:6 ML1001"]);
    }

    [Fact]
    public void Pre_commit_reports_only_the_grant_the_commit_adds()
    {
        BaseWithAdminGrant();
        _git.Write(Admin, TempRepo.Profile(("ModifyAllData", true), ("ViewSetup", true), ("ViewAllData", true))).Stage(Admin);
        var r = Check("--staged", "--format", "json");
        r.ExitCode.ShouldBe(1);
        Findings(r).ShouldBe([$"{Admin}:14 ML1002"]);
    }

    [Fact]
    public void The_first_commit_reports_every_finding()
    {
        _git.Write(Admin, TempRepo.Profile(("ModifyAllData", true))).Stage(Admin);
        Findings(Check("--staged", "--format", "json")).ShouldBe([$"{Admin}:6 ML1001"]);
    }

    [Fact]
    public void All_without_staged_is_a_usage_error()
    {
        var r = Check("--all");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("--all needs --staged");
    }
}
