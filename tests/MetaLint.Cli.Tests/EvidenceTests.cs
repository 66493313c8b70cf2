using MetaLint.Core.Reporting.Evidence;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MetaLint.Cli.Tests;

/// Issue 12, point 5: the evidence record holds the five data points (initiator, changes, time, approvals,
/// validations) and the remediation log; --evidence-chain links records by SHA-256 and `evidence verify` checks it.
public sealed class EvidenceTests : IDisposable
{
    private const string Profiles = "force-app/main/default/profiles/";
    private const string Security = "force-app/main/default/settings/Security.settings-meta.xml";
    private readonly TempRepo _git = new();

    public void Dispose() => _git.Dispose();

    private static async Task<JObject> Valid(string json)
    {
        var schema = await JsonSchema.FromFileAsync(Cli.RepoPath("docs", "evidence.schema.json"));
        schema.Validate(json).Select(e => $"{e.Path}: {e.Kind}").ShouldBeEmpty();
        return JObject.Parse(json);
    }

    [Fact]
    public async Task A_pull_request_record_holds_the_five_data_points_and_the_remediation_log()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true), ("ViewSetup", true)))
            .Write(Security, File.ReadAllText(Cli.RepoPath("testdata", "sample-org", Security)))
            .Write("rules.yml", "approvers:\n  ML10: [sec@example.com]\n")
            .CommitAs("Lead", "lead@example.com", "base");
        _git.Repo.Branches.Add("main", _git.Repo.Head.Tip);
        var fix = _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", false), ("ViewSetup", true)))
            .Write(Profiles + "Sales.profile-meta.xml", TempRepo.Profile(("AuthorApex", true)))
            .CommitAs("Dev", "dev@example.com", "revoke admin, sales needs apex");
        var approval = _git.Write("rules.yml", "approvers:\n  ML10: [sec@example.com]\nexceptions:\n  - rule: ML1006\n    component: Profile:Sales\n" +
                                               "    justification: Apex deploys from the sales ops team\n    approvedBy: sec@example.com\n")
            .CommitAs("Sec", "sec@example.com", "approve");
        var evidence = Path.Combine(_git.Root, "out", "evidence.json");

        var r = Cli.Run("check", _git.Root, "--base", "main", "--min-score", "50", "--evidence", evidence);
        r.ExitCode.ShouldBe(0, r.Error);
        var doc = await Valid(File.ReadAllText(evidence));

        ((string)doc["schemaVersion"]!).ShouldBe("2");
        ((string)doc["initiator"]!["source"]!).ShouldBe(Initiator.FromEnvironment(Environment.GetEnvironmentVariable, Environment.UserName).Source);
        ((string)doc["commit"]!["sha"]!).ShouldBe(approval);
        string.CompareOrdinal((string)doc["time"]!["start"]!, (string)doc["time"]!["end"]!).ShouldBeLessThanOrEqualTo(0);

        doc["changes"]!["files"]!.Values<string>().ShouldBe([$"{Profiles}Admin.profile-meta.xml", $"{Profiles}Sales.profile-meta.xml", "rules.yml"]);
        var escalation = doc["changes"]!["escalations"]!.ShouldHaveSingleItem();
        ((string)escalation["change"]!).ShouldBe("+Author Apex");
        ((bool)escalation["accepted"]!).ShouldBeTrue();
        ((string)escalation["approvedBy"]!).ShouldBe("sec@example.com");

        var approved = doc["approvals"]!.ShouldHaveSingleItem();
        ((bool)approved["honoured"]!).ShouldBeTrue();
        ((string)approved["commit"]!).ShouldBe(approval);
        ((string)approved["verification"]!).ShouldContain("exception added by them in commit " + approval[..7]);

        var validations = doc["validations"]!;
        validations["gates"]!.Select(g => $"{g["gate"]} {g["passed"]}").ShouldBe(["findings True", "--min-score True"]);
        ((double)validations["score"]!["head"]!).ShouldBe(90.3, 0.05);   // the sample org's Security.settings alone
        ((double)validations["score"]!["base"]!).ShouldBe(90.3, 0.05);

        var @fixed = doc["fixed"]!.ShouldHaveSingleItem();
        ((string)@fixed["ruleId"]!).ShouldBe("ML1001");
        ((string)@fixed["component"]!).ShouldBe("Profile:Admin");
        ((string)@fixed["removedBy"]!["sha"]!).ShouldBe(fix);
        ((string)@fixed["removedBy"]!["author"]!).ShouldBe("dev@example.com");
    }

    [Fact]
    public async Task The_chain_verifies_and_an_edited_record_breaks_it()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true))).Commit("base");
        var chain = Path.Combine(_git.Root, "..", Path.GetFileName(_git.Root) + "-chain.jsonl");
        try
        {
            for (var i = 0; i < 3; i++)
                Cli.Run("check", _git.Root, "--evidence-chain", chain, "--fail-on", "never").ExitCode.ShouldBe(0);
            var lines = File.ReadAllLines(chain);
            lines.Length.ShouldBe(3);
            foreach (var line in lines) await Valid(line);
            ((string?)JObject.Parse(lines[0])["previousHash"]).ShouldBeNull();
            ((string)JObject.Parse(lines[2])["previousHash"]!).ShouldBe(EvidenceChain.Hash(System.Text.Encoding.UTF8.GetBytes(lines[1])));

            var ok = Cli.Run("evidence", "verify", chain);
            ok.ExitCode.ShouldBe(0, ok.Error);
            ok.Out.ShouldContain("3 record(s), chain intact");

            File.WriteAllLines(chain, [lines[0], lines[1].Replace("\"decision\":\"pass\"", "\"decision\":\"fail\""), lines[2]]);
            var edited = Cli.Run("evidence", "verify", chain);
            edited.ExitCode.ShouldBe(1);
            edited.Error.ShouldContain("line 3: previousHash does not match line 2");

            File.WriteAllLines(chain, [lines[0], lines[2]]);
            Cli.Run("evidence", "verify", chain).Error.ShouldContain("line 2: previousHash does not match line 1");

            File.WriteAllText(chain, lines[0] + "\n{\"schemaVersion\":\"2\"}\n");
            var schema = Cli.Run("evidence", "verify", chain);
            schema.ExitCode.ShouldBe(1);
            schema.Error.ShouldContain("line 2: schema: missing 'initiator'");
        }
        finally { File.Delete(chain); }
    }

    [Fact]
    public void Verify_of_a_missing_file_is_a_usage_error() =>
        Cli.Run("evidence", "verify", Path.Combine(_git.Root, "none.jsonl")).ExitCode.ShouldBe(2);
}
