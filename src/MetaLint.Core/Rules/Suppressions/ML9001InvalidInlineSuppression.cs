using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Suppressions;

/// Flags inline suppression comments that give no reason or name no known rule; they suppress nothing.
internal sealed class ML9001InvalidInlineSuppression : Rule<InlineDirective>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML9001", Name: "InvalidInlineSuppression", Title: "Invalid inline suppression",
        Description: "A metalint-disable-next-line comment gives no reason after the rule ids, or names no rule " +
                     "or an unknown one. It suppresses nothing until it is fixed.",
        DefaultLevel: RuleLevel.Warning, SecuritySeverity: null, Category: RuleCategory.Suppressions);

    public override void Check(InlineDirective d, RuleContext ctx)
    {
        var file = d.Location.File;
        var unknown = d.RuleIds.Where(id => RuleCatalog.Find(id) == null).ToList();
        var problem =
            d.RuleIds.Count == 0 ? "names no rule (write: metalint-disable-next-line ML1001: reason)" :
            unknown.Count > 0 ? $"names unknown rule {string.Join(", ", unknown)}" :
            d.Reason == null ? $"gives no reason for suppressing {string.Join(", ", d.RuleIds)} (write: {InlineDirective.Keyword} {string.Join(", ", d.RuleIds)}: reason)" :
            null;
        if (problem == null) return;
        ctx.Report(d.Location, file.Kind, file.ComponentName, $"line {d.AppliesToLine}",
            $"Inline suppression {problem}; it suppresses nothing");
    }
}
