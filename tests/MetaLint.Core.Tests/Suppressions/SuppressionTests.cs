using MetaLint.Cli.Terminal;
using MetaLint.Core.Configuration;
using MetaLint.Core.Reporting;
using MetaLint.Core.Suppressions;
using MetaLint.Core.Tests.Support;
using MetaLint.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MetaLint.Core.Tests.Suppressions;

public sealed class SuppressionTests : IDisposable
{
    private readonly TempFolder _root = new("metalint-sup-");

    public void Dispose() => _root.Dispose();

    private AnalysisResult Analyse(string body, string? rulesYml = null, DateOnly? today = null)
    {
        File.WriteAllText(Path.Combine(_root.Root, "Admin.profile-meta.xml"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" + body + "</Profile>\n");
        var config = rulesYml == null ? MetaLintConfig.Default : ConfigLoader.Parse(rulesYml, "rules.yml");
        return Analyzer.Run([_root.Root], new AnalysisOptions { Root = _root.Root, Config = config, Today = today });
    }

    private const string ModifyAll =
        "    <userPermissions>\n        <enabled>true</enabled>\n        <!-- metalint-disable-next-line ML1001: break-glass -->\n        <name>ModifyAllData</name>\n    </userPermissions>\n";

    [Fact]
    public void Inline_comment_suppresses_only_the_next_line_and_named_rule()
    {
        var r = Analyse(ModifyAll + "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ViewAllData</name>\n    </userPermissions>\n");
        var modify = r.Findings.Single(f => f.RuleId == "ML1001");
        modify.Suppression.ShouldBe(new Suppression(SuppressionSource.Inline, "break-glass", null, null));
        r.Findings.Single(f => f.RuleId == "ML1002").IsSuppressed.ShouldBeFalse();
    }

    [Fact]
    public void Suppressed_findings_stay_in_sarif_as_dismissed_and_are_counted_apart_in_text()
    {
        var r = Analyse(ModifyAll, """
            exceptions:
              - rule: ML1001
                component: Profile:Admin
                justification: Break-glass admin
                approvedBy: jane@example.com
                expires: 2099-01-31
            """);
        var result = JObject.Parse(Run.Sarif(r))["runs"]![0]!["results"]!.ShouldHaveSingleItem();
        var suppression = result["suppressions"]!.ShouldHaveSingleItem();
        ((string)suppression["kind"]!).ShouldBe("external");
        ((string)suppression["justification"]!).ShouldBe("Break-glass admin");
        ((string)suppression["properties"]!["approvedBy"]!).ShouldBe("jane@example.com");
        ((string)suppression["properties"]!["expires"]!).ShouldBe("2099-01-31");
        r.AppliedExceptions.Values.ShouldBe([1]);

        var text = new StringWriter();
        new TextReporter(false).Write(new Report(r.Findings, r.Rules, 1), text);
        text.ToString().ShouldBe("No problems found in 1 file. 1 suppressed (see SARIF or JSON for justifications).\n");
    }

    [Fact]
    public void Exception_is_valid_through_its_expiry_day()
    {
        const string yml = "exceptions:\n  - rule: ML1001\n    component: Admin\n    justification: j\n    expires: 2026-03-01\n";
        var body = ModifyAll.Replace("<!-- metalint-disable-next-line ML1001: break-glass -->", "");
        Analyse(body, yml, new DateOnly(2026, 3, 1)).Findings.ShouldAllBe(f => f.IsSuppressed);
        Analyse(body, yml, new DateOnly(2026, 3, 2)).Findings.Select(f => f.RuleId).ShouldBe(["ML1001", "ML9002"], ignoreOrder: true);
    }

    [Fact]
    public void An_approved_exception_wins_over_an_earlier_unapproved_one_for_rules_needing_approval()
    {
        var body = ModifyAll.Replace("<!-- metalint-disable-next-line ML1001: break-glass -->", "");
        var r = Analyse(body, """
            policy: { require-approval: [ML1001] }
            exceptions:
              - rule: ML1001
                path: "*.profile-meta.xml"
                justification: every profile, nobody approved
              - rule: ML1001
                component: Profile:Admin
                justification: break-glass admin
                approvedBy: sec@example.com
            """);
        r.Findings.ShouldHaveSingleItem().Suppression!.ApprovedBy.ShouldBe("sec@example.com");
    }

    [Fact]
    public void An_expired_exception_is_not_reported_when_a_valid_one_applies()
    {
        var body = ModifyAll.Replace("<!-- metalint-disable-next-line ML1001: break-glass -->", "");
        var r = Analyse(body, """
            exceptions:
              - rule: ML1001
                component: Admin
                justification: old
                expires: 2020-01-01
              - rule: ML1001
                component: Admin
                justification: renewed
                expires: 2099-01-01
            """);
        r.Findings.ShouldHaveSingleItem().Suppression!.Justification.ShouldBe("renewed");
    }

    [Theory]
    [InlineData("exceptions:\n  - rule: ML1001\n    component: Admin\n", 2, "needs a 'justification'")]
    [InlineData("exceptions:\n  - rule: ML1001\n    justification: j\n", 2, "exactly one of 'component'")]
    [InlineData("exceptions:\n  - rule: ML1001\n    component: A\n    justification: j\n    expires: next year\n", 5, "'expires' must be a date")]
    [InlineData("exceptions:\n  - rule: ML7777\n    component: A\n    justification: j\n", 2, "unknown rule id 'ML7777'")]
    [InlineData("exceptions:\n  - rule: ML1001\n    component: A\n    justification: j\n    approver: x\n", 5, "unknown exception key 'approver'")]
    [InlineData("policy:\n  require-approval: [ML1001, MLX]\n", 2, "unknown rule id 'MLX'")]
    public void Bad_exceptions_are_configuration_errors(string yaml, int line, string problem)
    {
        var e = Should.Throw<ConfigException>(() => ConfigLoader.Parse(yaml, "rules.yml"));
        e.Problem.ShouldContain(problem);
        e.Line.ShouldBe(line);
    }
}
