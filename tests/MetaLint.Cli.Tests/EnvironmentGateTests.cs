namespace MetaLint.Cli.Tests;

/// Issue 12, point 4: an environment's score gate is never skipped. check and baseline score apply the same rule:
/// score every settings file of the tree under review, or fail clearly when there is none.
public sealed class EnvironmentGateTests : IDisposable
{
    private const string Rules = "environments:\n  production: { min-score: 90, fail: true }\n";
    private readonly TempRepo _git = new();

    public void Dispose() => _git.Dispose();

    private void CopySampleOrg()
    {
        var sample = Cli.RepoPath("testdata", "sample-org");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
            _git.Write(Path.GetRelativePath(sample, file), File.ReadAllText(file));
        _git.Write("rules.yml", Rules);
    }

    [Fact]
    public void Changed_only_still_scores_the_settings_the_change_did_not_touch()
    {
        CopySampleOrg();
        _git.Commit("sample org");
        _git.Write("force-app/main/default/profiles/New.profile-meta.xml", TempRepo.Profile(("ViewSetup", true)));

        var r = Cli.Run("check", _git.Root, "--base", "HEAD", "--changed-only", "--environment", "production");
        r.ExitCode.ShouldBe(1);
        r.Error.ShouldContain("error: approximate Health Check score 82.3 is below 90 (environment 'production')");
    }

    [Fact]
    public void Nothing_to_score_fails_check_and_baseline_score_alike()
    {
        _git.Write("rules.yml", Rules).Write("force-app/main/default/profiles/Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true)));
        const string expected = "error: environment 'production' needs a Health Check score of 90, but no settings file could be scored";

        var check = Cli.Run("check", _git.Root, "--environment", "production");
        check.ExitCode.ShouldBe(1);
        check.Error.ShouldContain(expected);
        var score = Cli.Run("baseline", "score", _git.Root, "--environment", "production");
        score.ExitCode.ShouldBe(1);
        score.Error.ShouldContain(expected);
    }

    [Fact]
    public void Staged_with_an_environment_is_refused_rather_than_scoring_part_of_the_tree()
    {
        _git.Write("rules.yml", Rules).Commit("base");
        var r = Cli.Run("check", _git.Root, "--staged", "--environment", "production");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("--environment scores every settings file, --staged sees only the staged ones");
    }

    [Fact]
    public void Min_score_on_check_gates_like_baseline_score()
    {
        CopySampleOrg();
        var r = Cli.Run("check", _git.Root, "--min-score", "85", "--fail-on", "never");
        r.ExitCode.ShouldBe(1);
        r.Error.ShouldContain("error: approximate Health Check score 82.3 is below 85 (--min-score)");
        Cli.Run("check", _git.Root, "--min-score", "80", "--fail-on", "never").ExitCode.ShouldBe(0);
        Cli.Run("check", _git.Root, "--min-score", "101").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Summary_appends_the_gates_counts_escalations_and_score_in_markdown()
    {
        CopySampleOrg();
        _git.Commit("sample org");
        _git.Write("force-app/main/default/profiles/New.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true)));
        var summary = Path.Combine(_git.Root, "..", Path.GetFileName(_git.Root) + "-summary.md");
        File.WriteAllText(summary, "earlier step\n");
        try
        {
            var r = Cli.Run("check", _git.Root, "--base", "HEAD", "--environment", "production", "--summary", summary);
            r.ExitCode.ShouldBe(1);
            var md = File.ReadAllText(summary);
            md.ShouldStartWith("earlier step\n## MetaLint: failed (exit code 1)\n");
            md.ShouldContain("| findings | no active finding at or above error | 1 active finding(s) at or above error | **fail** |");
            md.ShouldContain("| environment 'production' | score of at least 90 | 82.3 | **fail** |");
            md.ShouldContain("| error | 1 | 0 |");
            md.ShouldContain("- Profile 'New': +Modify All Data\n");
            md.ShouldContain("Approximate Health Check score: **82.3**");
        }
        finally { File.Delete(summary); }
    }
}
