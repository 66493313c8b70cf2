using System.Globalization;
using MetaLint.Core.Suppressions;

namespace MetaLint.Core.Rules.Suppressions;

/// Flags a finding whose rules.yml exception has expired: the risk needs re-approval or a fix.
internal sealed class ML9002ExpiredExceptionEntry : Rule<ExpiredExceptionMatch>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML9002", Name: "ExpiredException", Title: "Expired exception",
        Description: "A rules.yml exception matching this finding expired; the finding is reported again until " +
                     "the exception is renewed with a new expiry and approver, or the grant is removed.",
        DefaultLevel: RuleLevel.Warning, SecuritySeverity: null, Category: RuleCategory.Suppressions);

    public override void Check(ExpiredExceptionMatch x, RuleContext ctx)
    {
        var f = x.Finding;
        var approver = x.Entry.ApprovedBy is { } a ? $", approved by {a}" : "";
        ctx.Report(f.Location, f.ComponentKind, f.ComponentName, $"{f.RuleId}|{f.Subject}",
            $"Exception for {f.RuleId} ('{x.Entry.Justification}'{approver}) expired on {x.Entry.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (rules.yml line {x.Entry.Line}): {f.Message}");
    }
}
