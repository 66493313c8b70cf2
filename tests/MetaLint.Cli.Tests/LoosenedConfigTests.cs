using MetaLint.Core.Configuration;
using MetaLint.Git;

namespace MetaLint.Cli.Tests;

/// Every way a change's rules.yml can weaken the base's is named (PR mode reports it; the base still decides).
public sealed class LoosenedConfigTests
{
    private static List<string> Loosened(string @base, string head) =>
        [.. TrustedConfig.Loosened(ConfigLoader.Parse(@base, "base.yml"), ConfigLoader.Parse(head, "head.yml"))];

    [Fact]
    public void Each_weakening_is_named()
    {
        const string strict = """
            rules:
              ML1003: { level: error }
              ML1006: { extra-permissions: [ViewSetup, ExportReport] }
            policy: { require-approval: [ML1001, ML1002] }
            approvers: { ML10: [sec@example.com] }
            settings: { missing: report }
            standard-profiles: { level: error }
            environments:
              production: { min-score: 90, fail: true }
              staging: { min-score: 80 }
            """;
        const string loose = """
            rules:
              ML1001: { enabled: false }
              ML1006: { extra-permissions: [ViewSetup] }
            policy: { require-approval: [ML1002] }
            approvers: { ML10: [sec@example.com, dev@example.com] }
            exclude: ["**/profiles/**"]
            standard-profiles: { level: note }
            environments:
              production: { min-score: 70, fail: false }
            """;
        Loosened(strict, loose).ShouldBe([
            "disables ML1001",
            "lowers ML1003 from error to warning",
            "removes ExportReport from ML1006 extra-permissions",
            "removes ML1001 from policy require-approval",
            "adds dev@example.com to approvers for ML10",
            "adds exclude pattern '**/profiles/**'",
            "sets settings missing to ignore",
            "lowers standard-profiles level from error to note",
            "lowers environment 'production' min-score from 90 to 70",
            "sets environment 'production' fail to false",
            "removes environment 'staging'",
        ]);
    }

    [Fact]
    public void Tightening_is_not_a_loosening() =>
        Loosened("rules:\n  ML1003: { level: note }\n", "rules:\n  ML1003: { level: error }\npolicy: { require-approval: [ML1001] }\n").ShouldBeEmpty();
}
