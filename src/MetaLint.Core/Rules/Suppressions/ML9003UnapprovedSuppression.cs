using MetaLint.Core.Suppressions;

namespace MetaLint.Core.Rules.Suppressions;

/// Flags a suppression that policy.require-approval refuses: the rule needs an exception with approvedBy.
public sealed class ML9003UnapprovedSuppression : Rule<RejectedSuppression>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML9003", Name: "UnapprovedSuppression", Title: "Suppression lacks required approval",
        Description: "rules.yml policy.require-approval lists this rule, so its findings can only be suppressed by " +
                     "an exceptions entry that names an approver (approvedBy); inline comments and unapproved " +
                     "exceptions are refused and the finding stays.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: null, Category: RuleCategory.Suppressions);

    public override void Check(RejectedSuppression x, RuleContext ctx)
    {
        var f = x.Finding;
        var how = x.Attempt.Source == SuppressionSource.Inline ? "an inline comment" : "an exception without approvedBy";
        ctx.Report(f.Location, f.ComponentKind, f.ComponentName, $"{f.RuleId}|{f.Subject}",
            $"{f.RuleId} needs an approved exception, but was suppressed by {how}: {f.Message}");
    }
}
