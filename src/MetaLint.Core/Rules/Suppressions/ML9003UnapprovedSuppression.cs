using MetaLint.Core.Suppressions;

namespace MetaLint.Core.Rules.Suppressions;

/// Flags a suppression that policy.require-approval refuses: the rule needs an exception with approvedBy.
internal sealed class ML9003UnapprovedSuppression : Rule<RejectedSuppression>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML9003", Name: "UnapprovedSuppression", Title: "Suppression lacks required approval",
        Description: "rules.yml policy.require-approval lists this rule, so its findings can only be suppressed by " +
                     "an exceptions entry that names an approver (approvedBy); inline comments and unapproved " +
                     "exceptions are refused and the finding stays. In PR mode (--base) an exception the change adds for a " +
                     "finding it introduces is honoured only when its approver is listed under approvers: in the " +
                     "base's rules.yml, authored none of the commits that introduced the finding, and authored " +
                     "the commit that added the exception.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: null, Category: RuleCategory.Suppressions);

    public override void Check(RejectedSuppression x, RuleContext ctx)
    {
        var f = x.Finding;
        var message = x.Reason is { } reason
            ? $"{f.RuleId} exception (rules.yml line {x.Attempt.Entry?.Line}) is not honoured: {reason}: {f.Message}"
            : $"{f.RuleId} needs an approved exception, but was suppressed by " +
              $"{(x.Attempt.Source == SuppressionSource.Inline ? "an inline comment" : "an exception without approvedBy")}: {f.Message}";
        ctx.Report(f.Location, f.ComponentKind, f.ComponentName, $"{f.RuleId}|{f.Subject}", message);
    }
}
