namespace MetaLint.Cli.Tests;

/// Issue 12, point 1: in PR mode the base's rules.yml decides the gate, and an exception the change adds for its
/// own escalation is honoured only when a listed approver, who wrote none of the change, committed it.
public sealed class ApprovalGateTests : IDisposable
{
    private const string Admin = "force-app/main/default/profiles/Admin.profile-meta.xml";
    private const string BaseRules =
        "policy:\n  require-approval: [ML1001]\n" +
        "approvers:\n  ML10: [sec@example.com]\n  ML1002: [lead@example.com]\n";
    private const string Exception =
        "exceptions:\n  - rule: ML1001\n    component: Profile:Admin\n    justification: Break-glass admin\n    approvedBy: {0}\n";
    private readonly TempRepo _git = new();

    public ApprovalGateTests()
    {
        _git.Write(Admin, TempRepo.Profile(("ModifyAllData", false), ("ViewSetup", true)))
            .Write("rules.yml", BaseRules)
            .CommitAs("Lead", "lead@example.com", "base");
        _git.Repo.Branches.Add("main", _git.Repo.Head.Tip);
    }

    public void Dispose() => _git.Dispose();

    private CliResult Check(params string[] extra) => Cli.Run(["check", _git.Root, "--base", "main", .. extra]);

    private void Grant(string name, string email) =>
        _git.Write(Admin, TempRepo.Profile(("ModifyAllData", true), ("ViewSetup", true))).CommitAs(name, email, "grant");

    private void AddException(string approver, string name, string email) =>
        _git.Write("rules.yml", BaseRules + string.Format(Exception, approver)).CommitAs(name, email, "exception");

    private static string Summary(CliResult r) => r.Out[..r.Out.IndexOf("\n\n", StringComparison.Ordinal)];

    [Fact]
    public void Self_approval_is_refused_and_the_escalation_stays()
    {
        Grant("Sec", "sec@example.com");
        AddException("sec@example.com", "Sec", "sec@example.com");
        var r = Check();
        r.ExitCode.ShouldBe(1);
        Summary(r).ShouldContain("  Profile 'Admin': +Modify All Data\n");
        r.Out.ShouldContain("ML9003");
        r.Out.ShouldContain("approver sec@example.com is the change's author (commit ");
        r.Out.ShouldContain($"changes {Admin})");
    }

    [Fact]
    public void A_listed_approver_in_their_own_commit_accepts_the_escalation_and_the_summary_still_lists_it()
    {
        Grant("Dev", "dev@example.com");
        AddException("sec@example.com", "Sec", "sec@example.com");
        var r = Check();
        r.ExitCode.ShouldBe(0);
        Summary(r).ShouldBe(
            "Escalations introduced by this change (against main, " + _git.Repo.Branches["main"].Tip.Sha[..7] + "):\n" +
            "  Profile 'Admin': +Modify All Data (accepted, approved by sec@example.com)");
        r.Out.ShouldNotContain("ML9003");
    }

    [Fact]
    public void An_approver_not_listed_on_the_base_is_refused()
    {
        Grant("Dev", "dev@example.com");
        AddException("mallory@example.com", "Mallory", "mallory@example.com");
        var r = Check();
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("approver mallory@example.com is not in approvers for ML1001 in the base's rules.yml");
    }

    [Fact]
    public void An_approver_listed_only_by_the_change_is_refused_and_the_addition_reported()
    {
        Grant("Dev", "dev@example.com");
        _git.Write("rules.yml", BaseRules.Replace("[sec@example.com]", "[sec@example.com, mallory@example.com]") +
                                string.Format(Exception, "mallory@example.com"))
            .CommitAs("Mallory", "mallory@example.com", "approve myself");
        var r = Check();
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("approver mallory@example.com is not in approvers for ML1001");
        r.Error.ShouldContain("adds mallory@example.com to approvers for ML10");
    }

    [Fact]
    public void An_exception_written_by_someone_else_in_the_approvers_name_is_refused()
    {
        Grant("Dev", "dev@example.com");
        AddException("sec@example.com", "Dev", "dev@example.com");
        var r = Check();
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("the exception was added in commit ");
        r.Out.ShouldContain("by dev@example.com, not by its approver sec@example.com");
    }

    [Fact]
    public void An_uncommitted_exception_cannot_be_verified()
    {
        Grant("Dev", "dev@example.com");
        _git.Write("rules.yml", BaseRules + string.Format(Exception, "sec@example.com"));
        var r = Check();
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("the exception is not in any commit of the change (uncommitted)");
    }

    [Fact]
    public void An_exception_already_on_the_base_still_applies()
    {
        _git.Write("rules.yml", BaseRules + string.Format(Exception, "someone@example.com")).CommitAs("Lead", "lead@example.com", "accepted risk");
        _git.Repo.Refs.UpdateTarget("refs/heads/main", _git.Repo.Head.Tip.Sha);
        Grant("Dev", "dev@example.com");
        var r = Check();
        r.ExitCode.ShouldBe(0);
        Summary(r).ShouldEndWith("  Profile 'Admin': +Modify All Data (accepted, approved by someone@example.com)");
    }

    [Fact]
    public void An_inline_comment_cannot_accept_what_the_change_introduces()
    {
        _git.Write(Admin, TempRepo.Profile(("ModifyAllData", false), ("ViewSetup", true), ("AuthorApex", true))
                .Replace("        <name>AuthorApex</name>", "        <!-- metalint-disable-next-line ML1006: needed -->\n        <name>AuthorApex</name>"))
            .CommitAs("Dev", "dev@example.com", "grant with a comment");
        var r = Check();
        r.Out.ShouldContain("an inline comment cannot accept a finding the change introduces");
        Summary(r).ShouldContain("  Profile 'Admin': +Author Apex\n");
    }

    [Fact]
    public void A_change_that_disables_the_rule_is_judged_by_the_base_and_the_loosening_reported()
    {
        _git.Write("rules.yml", "rules:\n  ML1001:\n    enabled: false\n  ML1002:\n    level: note\n")
            .Write(Admin, TempRepo.Profile(("ModifyAllData", true), ("ViewSetup", true)))
            .CommitAs("Dev", "dev@example.com", "quietly");
        var r = Check();
        r.ExitCode.ShouldBe(1);
        Summary(r).ShouldContain("  Profile 'Admin': +Modify All Data\n");
        const string loosened = "disables ML1001; lowers ML1002 from error to note; removes ML1001 from policy require-approval";
        r.Out.ShouldContain($"This change loosens rules.yml ({loosened}); the configuration at main decides this run.");
        r.Error.ShouldContain(loosened);
        Cli.Run("check", _git.Root).ExitCode.ShouldBe(0);   // outside PR mode the working tree's rules.yml rules
    }

    [Fact]
    public void Deleting_rules_yml_is_a_loosening_too()
    {
        File.Delete(_git.Path("rules.yml"));
        _git.Write(Admin, TempRepo.Profile(("ModifyAllData", true), ("ViewSetup", true))).CommitAs("Dev", "dev@example.com", "no config");
        var r = Check();
        r.ExitCode.ShouldBe(1);
        r.Error.ShouldContain("(deletes rules.yml; removes ML1001 from policy require-approval)");
    }
}
