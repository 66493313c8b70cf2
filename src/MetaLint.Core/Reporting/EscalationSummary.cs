using MetaLint.Core.Model;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting;

/// PR mode's headline: per component, what the change adds ("Profile 'Admin': +Modify All Data, +Modify All on Account").
public static class EscalationSummary
{
    public static IEnumerable<string> Lines(IEnumerable<Finding> introduced, BaseComparison comparison)
    {
        var active = introduced.Where(f => !f.IsSuppressed).ToList();
        var shortSha = comparison.BaseCommit.Sha[..Math.Min(7, comparison.BaseCommit.Sha.Length)];
        if (active.Count == 0)
        {
            yield return $"This change introduces no new findings (against {comparison.BaseRef}, {shortSha}).";
            yield break;
        }
        yield return $"Escalations introduced by this change (against {comparison.BaseRef}, {shortSha}):";
        foreach (var component in active.GroupBy(f => (f.ComponentKind, f.ComponentName))
                     .OrderBy(g => g.Key.ComponentKind.ToString(), StringComparer.Ordinal)
                     .ThenBy(g => g.Key.ComponentName, StringComparer.Ordinal))
        {
            var labels = component.Select(Label).Distinct();
            yield return $"  {Describe(component.Key.ComponentKind, component.Key.ComponentName)}: {string.Join(", ", labels)}";
        }
    }

    private static string Describe(MetadataKind kind, string name) => kind switch
    {
        MetadataKind.SecuritySettings => "Security.settings",
        MetadataKind.ProfilePasswordPolicy or MetadataKind.ProfileSessionSetting =>
            $"{kind.Label()} for '{(name.Length > 0 ? name : "(profile not set)")}'",
        _ => $"{kind.Label()} '{name}'",
    };

    /// "+Modify All Data", "+Modify All on Account", "sessionTimeout TwoHours -> TwentyFourHours"; else the detail.
    private static string Label(Finding f) => f.Fact switch
    {
        PermissionFact p => "+" + UserPermissionLabels.For(p.Permission),
        ObjectAccessFact o => $"+{o.Access.Label()} on {o.Object}",
        SettingFact s => s.BaseValue is { } before
            ? $"{s.Element} {before} -> {s.Value ?? "not set"}"
            : $"{s.Element} {s.Value ?? "not set"}",
        _ => f.Detail,
    };
}
