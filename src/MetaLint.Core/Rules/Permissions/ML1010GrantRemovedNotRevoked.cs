using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Flags a profile grant that a change deletes from the file instead of setting it false (PR and pre-commit modes).
internal sealed class ML1010GrantRemovedNotRevoked : Rule<RemovedGrant>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1010", Name: "GrantRemovedNotRevoked", Title: "Grant removed from a profile instead of revoked",
        Description: "The change deletes a grant from a profile file instead of setting it to false. Profiles " +
                     "overlay on deploy: what the file no longer mentions keeps its value in the org, so the grant " +
                     "stays while the repository says it is gone. Only --base and --staged can see it.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: 7.5m, Category: RuleCategory.Permissions);

    public override void Check(RemovedGrant g, RuleContext ctx)
    {
        var detail = $"no longer mentions {g.What}, which the base granted: a deploy leaves it granted in the org; " +
                     $"revoke it with {g.Fix}";
        ctx.Report(g.Location, g.Kind, g.Name, g.Subject, $"{g.Kind.Label()} '{g.Name}' {detail}", detail: $"-{g.What} (deleted, not revoked)");
    }
}
