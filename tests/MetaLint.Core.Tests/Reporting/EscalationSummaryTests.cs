using MetaLint.Core.Reporting;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Reporting;

public sealed class EscalationSummaryTests
{
    private static readonly BaseComparison Base =
        new("main", new CommitInfo("1a2b3c4d5e", "Ada", "ada@example.com", DateTimeOffset.UnixEpoch, "Ada", "ada@example.com", DateTimeOffset.UnixEpoch, "base"), null, 0);

    private static List<string> Lines(string rule) =>
        [.. EscalationSummary.Lines(Run.Folder(Repo.Path("testdata", "rules", rule, "fires"), only: rule).Findings, Base)];

    [Fact]
    public void Permissions_and_object_access_read_as_Setup_labels()
    {
        var guest = Lines("ML1008");
        guest[0].ShouldBe("Escalations introduced by this change (against main, 1a2b3c4):");
        guest.ShouldContain("  Profile 'guest-api-and-users': +API Enabled, +View All Users");
        guest.ShouldContain("  Profile 'guest-object-edit': +Edit on Account");
        Lines("ML1005").ShouldContain("  Profile 'view-all-fields-global': +View All Fields (Global)");
        Lines("ML1006").ShouldContain(l => l.Contains("+Author Apex"));
    }

    [Fact]
    public void A_finding_without_facts_reads_as_its_detail() =>
        Lines("ML1009").ShouldContain(l => l.StartsWith("  Profile '") && l.Contains(": allows login from "));
}
