using MetaLint.Core.Model;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting;

/// PR mode's headline: per component, what the change adds ("Profile 'Admin': +Modify All Data, +Modify All on Account"),
/// accepted ones included with who approved them; then refused approvals and how the change loosens rules.yml.
internal static class EscalationSummary
{
    public static IEnumerable<string> Lines(IEnumerable<Finding> introduced, BaseComparison comparison)
    {
        var escalations = introduced.Where(f => f.Rule.Category != RuleCategory.Suppressions).ToList();
        var shortSha = comparison.BaseCommit.Sha[..Math.Min(7, comparison.BaseCommit.Sha.Length)];
        if (escalations.Count == 0)
            yield return $"This change introduces no new findings (against {comparison.BaseRef}, {shortSha}).";
        else
        {
            yield return $"Escalations introduced by this change (against {comparison.BaseRef}, {shortSha}):";
            foreach (var component in escalations.GroupBy(f => (f.ComponentKind, f.ComponentName))
                         .OrderBy(g => g.Key.ComponentKind.ToString(), StringComparer.Ordinal)
                         .ThenBy(g => g.Key.ComponentName, StringComparer.Ordinal))
            {
                var labels = component.Select(f => Label(f) + Accepted(f)).Distinct();
                yield return $"  {Describe(component.Key.ComponentKind, component.Key.ComponentName)}: {string.Join(", ", labels)}";
            }
        }
        var refused = comparison.Approvals.Where(a => !a.Honoured).ToList();
        if (refused.Count > 0)
        {
            yield return "Approvals refused (ML9003):";
            foreach (var a in refused)
                yield return $"  {(a.Entry is { } e ? $"{e.Target} (rules.yml line {e.Line})" : "inline comment")}: {a.Verification}";
        }
        if (comparison.Loosenings.Count > 0)
            yield return $"This change loosens rules.yml ({string.Join("; ", comparison.Loosenings)}); " +
                         $"the configuration at {comparison.BaseRef} decides this run.";
    }

    private static string Accepted(Finding f) => f.Suppression switch
    {
        null => "",
        { ApprovedBy: { } who } => $" (accepted, approved by {who})",
        _ => " (accepted, no approver)",
    };

    private static string Describe(MetadataKind kind, string name) => kind switch
    {
        MetadataKind.SecuritySettings => "Security.settings",
        MetadataKind.ProfilePasswordPolicy or MetadataKind.ProfileSessionSetting =>
            $"{kind.Label()} for '{(name.Length > 0 ? name : "(profile not set)")}'",
        _ => $"{kind.Label()} '{name}'",
    };

    /// "+Modify All Data", "+Modify All on Account", "sessionTimeout TwoHours -> TwentyFourHours"; else the detail.
    public static string Label(Finding f) => f.Fact switch
    {
        PermissionFact p => "+" + UserPermissionLabels.For(p.Permission),
        ObjectAccessFact o => $"+{o.Access.Label()} on {o.Object}",
        SettingFact s => s.BaseValue is { } before
            ? $"{s.Element} {before} -> {s.Value ?? "not set"}"
            : $"{s.Element} {s.Value ?? "not set"}",
        _ => f.Detail,
    };
}
