using System.Diagnostics;
using System.Text;
using MetaLint.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MetaLint.Cli.Tests;

/// Issue 15 point 5: a SARIF run stays within what GitHub code scanning keeps (5,000 results, 1,000 related locations),
/// says so when it had to group or leave out results, and Microsoft's validator finds nothing at error or warning level.
public sealed class SarifLimitsTests : IDisposable
{
    private readonly TempFolder _tmp = new("metalint-sarif-limits-");

    public void Dispose() => _tmp.Dispose();

    /// A profile granting Modify All and View All on objects Obj0000__c ... (two findings per object), and Author Apex.
    private void Profile(string name, int objects)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <custom>true</custom>\n");
        for (var i = 0; i < objects; i++)
            xml.Append("    <objectPermissions>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>true</modifyAllRecords>\n")
               .Append($"        <object>Obj{i:D4}__c</object>\n        <viewAllRecords>true</viewAllRecords>\n    </objectPermissions>\n");
        xml.Append("    <userPermissions>\n        <enabled>true</enabled>\n        <name>AuthorApex</name>\n    </userPermissions>\n</Profile>\n");
        _tmp.Write($"force-app/profiles/{name}.profile-meta.xml", xml.ToString());
    }

    private static JObject Run(CliResult r) => (JObject)JObject.Parse(r.Out)["runs"]![0]!;

    /// Every result names a message string of its rule (SARIF2002) whose template, filled with the result's arguments,
    /// is the result's text word for word; every template has a placeholder and ends with a full stop (SARIF2001).
    private static void MessagesComeFromTheirRulesTemplates(JObject run)
    {
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        foreach (var result in (JArray)run["results"]!)
        {
            var message = result["message"]!;
            var templates = rules[(int)result["ruleIndex"]!]!["messageStrings"].ShouldNotBeNull();
            var id = ((string?)message["id"]).ShouldNotBeNull();
            var template = (string)templates[id]!["text"]!;
            template.ShouldContain("{0}");
            template.ShouldEndWith(".");
            var arguments = ((JArray)message["arguments"]!).Select(a => (object?)(string?)a).ToArray();
            string.Format(System.Globalization.CultureInfo.InvariantCulture, template, arguments).ShouldBe((string)message["text"]!);
        }
    }

    [Fact]
    public async Task Large_org_over_5000_results_groups_per_object_results_per_component_and_rule()
    {
        Profile("Alpha", 1100);
        Profile("Beta", 1100);
        Profile("Gamma", 1100);   // 3 x (1,100 ML1003 + 1,100 ML1004 + 1 ML1006) = 6,603 findings

        var r = Cli.Run("check", _tmp.Root, "--format", "sarif", "--fail-on", "never");
        r.ExitCode.ShouldBe(0);
        r.Error.ShouldContain("metalint: SARIF: 6,603 results are over the 5,000-result limit of code scanning, so 6,600 per-object results are grouped into 6");
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "sarif-2.1.0.json"));
        schema.Validate(r.Out).ShouldBeEmpty();

        var run = Run(r);
        var results = (JArray)run["results"]!;
        results.Count.ShouldBe(9);
        ((int)run["properties"]!["metalint/groupedFindings"]!).ShouldBe(6600);
        ((int)run["properties"]!["metalint/groupedResults"]!).ShouldBe(6);
        run["properties"]!["metalint/omittedResults"].ShouldBeNull();

        var alpha = results.Single(x => (string)x["ruleId"]! == "ML1003" && ((string)x["message"]!["text"]!).Contains("'Alpha'"));
        ((string)alpha["message"]!["text"]!).ShouldStartWith("Profile 'Alpha' grants Modify All (modifyAllRecords) on 1,100 objects: Obj0000__c, Obj0001__c, ");
        ((string)alpha["message"]!["text"]!).ShouldEndWith("Obj0019__c and 1,080 more.");
        ((string)alpha["message"]!["id"]!).ShouldBe("objectAccess");
        ((string)alpha["message"]!["arguments"]![3]!).ShouldStartWith("1,100 objects: Obj0000__c, ");
        MessagesComeFromTheirRulesTemplates(run);
        ((int)alpha["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!).ShouldBe(6);   // the first grant
        var related = (JArray)alpha["relatedLocations"]!;
        related.Count.ShouldBe(1000);   // code scanning's limit per result
        ((string)related[999]!["message"]!["text"]!).ShouldBe("Obj0999__c");

        var unlimited = Cli.Run("check", _tmp.Root, "--format", "sarif", "--fail-on", "never", "--max-results", "0");
        ((JArray)Run(unlimited)["results"]!).Count.ShouldBe(6603);
        unlimited.Error.ShouldBeEmpty();
    }

    [Fact]
    public void Sample_org_messages_are_rule_templates_filled_with_the_findings_facts()
    {
        var run = Run(Cli.Run("check", Cli.RepoPath("testdata", "sample-org"), "--format", "sarif"));
        MessagesComeFromTheirRulesTemplates(run);
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        string Template(string rule, string id) => (string)rules.Single(r => (string)r["id"]! == rule)["messageStrings"]![id]!["text"]!;
        Template("ML1006", "permission").ShouldBe("{0} '{1}' grants high-risk permission {2}.");
        Template("ML1008", "objectAccess").ShouldBe("{0} '{1}' is a guest user profile and grants {2} on {3}.");
        Template("ML1001", "permissionWithNote").ShouldBe("{0} '{1}' grants {2}{3}.");
        Template("ML3102", "setting").ShouldBe("{0}: {1} is {2}; {3}.");
        var authorApex = ((JArray)run["results"]!).Single(x => ((string)x["message"]!["text"]!).Contains("(AuthorApex)"))["message"]!;
        ((JArray)authorApex["arguments"]!).Select(a => (string)a!).ShouldBe(["Profile", "Ops/Support Admin", "Author Apex (AuthorApex)"]);
    }

    [Fact]
    public void Still_over_the_cap_keeps_errors_and_the_highest_severity_and_counts_the_rest()
    {
        var sample = Cli.RepoPath("testdata", "sample-org");
        var all = (JArray)Run(Cli.Run("check", sample, "--format", "sarif"))["results"]!;
        var errors = all.Count(x => (string)x["level"]! == "error");
        errors.ShouldBeGreaterThan(3);

        var r = Cli.Run("check", sample, "--format", "sarif", "--max-results", "3");
        var run = Run(r);
        var kept = (JArray)run["results"]!;
        kept.Count.ShouldBe(3);
        kept.ShouldAllBe(x => (string)x["level"]! == "error");
        var severities = kept.Select(x => (string)x["ruleId"]!).ToList();
        severities.ShouldAllBe(id => id == "ML1001" || id == "ML1008");   // 9.1 and 8.5: the most severe errors
        var omitted = (int)run["properties"]!["metalint/omittedResults"]!;
        var groups = (int?)run["properties"]!["metalint/groupedResults"] ?? 0;
        var folded = (int?)run["properties"]!["metalint/groupedFindings"] ?? 0;
        (kept.Count + omitted + folded - groups).ShouldBe(all.Count);
        r.Error.ShouldContain($"the {omitted} with the lowest level and security-severity are left out");
        r.Error.ShouldContain("the text, JSON and CSV reports have every finding");
    }

    [Fact]
    public void Several_projects_share_their_common_root_so_no_uri_climbs_out_of_it()
    {
        foreach (var org in (string[])["orgs/east", "orgs/west"])
        {
            _tmp.Write($"{org}/sfdx-project.json", "{\"packageDirectories\":[{\"path\":\"force-app\"}]}");
            _tmp.Write($"{org}/force-app/profiles/Admin.profile-meta.xml",
                "<?xml version=\"1.0\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
                "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</Profile>\n");
        }
        var r = Cli.Run("check", _tmp.Path("orgs", "east"), _tmp.Path("orgs", "west"), "--format", "sarif");
        var uris = ((JArray)Run(r)["results"]!).Select(x => (string)x["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).ToList();
        uris.ShouldBe(["east/force-app/profiles/Admin.profile-meta.xml", "west/force-app/profiles/Admin.profile-meta.xml"]);
    }

    [Fact]
    public void In_git_the_run_names_repository_commit_and_branch_without_credentials()
    {
        using var git = new TempRepo();
        git.Write("force-app/profiles/Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true)));
        var sha = git.Commit("base");
        git.Repo.Network.Remotes.Add("origin", "https://ci-bot:ghp_secret@github.com/acme/org.git");

        var r = Cli.Run("check", git.Root, "--format", "sarif");
        r.Out.ShouldNotContain("ghp_secret");
        var vc = Run(r)["versionControlProvenance"]!.ShouldHaveSingleItem();
        ((string)vc["repositoryUri"]!).ShouldBe("https://github.com/acme/org.git");
        ((string)vc["revisionId"]!).ShouldBe(sha);
        ((string)vc["branch"]!).ShouldBe(git.Repo.Head.FriendlyName);

        Profile("Outside", 1);
        Run(Cli.Run("check", _tmp.Root, "--format", "sarif"))["versionControlProvenance"].ShouldBeNull();   // outside git: none
    }

    [Fact]
    public void Negative_max_results_is_a_usage_error()
    {
        var r = Cli.Run("check", Cli.RepoPath("testdata", "sample-org"), "--max-results", "-1");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("--max-results must be 0 (no limit) or more");
    }

    [SarifMultitoolFact]
    public void Microsofts_validator_reports_nothing_at_error_or_warning_level_nor_plain_result_messages()
    {
        var sarif = _tmp.Path("sample.sarif");
        Cli.Run("check", Cli.RepoPath("testdata", "sample-org"), "--format", "sarif", "--output", sarif, "--category", "org")
            .ExitCode.ShouldBe(1);
        var log = _tmp.Path("validation.sarif");
        var (code, output) = SarifMultitoolFact.Run("validate", $"'{sarif}'", "--rule-kind", "'Sarif;Gh'", "--level", "'Error;Warning;Note'", "-o", $"'{log}'");
        code.ShouldBe(0, output);
        var problems = JObject.Parse(File.ReadAllText(log))["runs"]!.SelectMany(run => (JArray?)run["results"] ?? [])
            .Where(x => (string?)x["level"] is "error" or "warning" or null)   // SARIF's default level is warning
            .Select(x => $"{x["ruleId"]}: {x["message"]?["text"]}").ToList();
        problems.ShouldBeEmpty();
        var plainResultMessages = JObject.Parse(File.ReadAllText(log))["runs"]!.SelectMany(run => (JArray?)run["results"] ?? [])
            .Where(x => (string?)x["ruleId"] == "SARIF2002").Select(x => x["message"]?.ToString(Newtonsoft.Json.Formatting.None)).ToList();
        plainResultMessages.ShouldBeEmpty();   // every result's message comes from its rule's messageStrings
    }
}

/// Runs only where `npx @microsoft/sarif-multitool@5.7.0` works (CI installs it); elsewhere the test is skipped and
/// says why. Under CI (CI=true) it is never skipped: a validator that cannot run fails the test.
public sealed class SarifMultitoolFact : FactAttribute
{
    public const string Package = "@microsoft/sarif-multitool@5.7.0";

    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        try
        {
            var (code, output) = Run("--version");
            return code == 0 ? null : $"npx {Package} did not run (exit {code}): {output.Trim().Split('\n')[0]}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"npx is not installed ({e.Message}); CI runs this test";
        }
    });

    public SarifMultitoolFact()
    {
        if (Unavailable.Value is { } reason && Environment.GetEnvironmentVariable("CI") != "true") Skip = reason;
    }

    /// npx hands the arguments to a shell, so each is given shell-quoted where it needs it ("'Sarif;Gh'").
    public static (int Code, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("npx") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--yes", Package, .. arguments]) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, stdout + stderr.Result);
    }
}
