using MetaLint.Core.Git;
using MetaLint.Core.Model;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting.Text;

/// PR mode's headline: per component, what the change adds ("Profile 'Admin': +ModifyAllData, +Modify All on Account").
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
        foreach (var component in active.GroupBy(f => (f.ComponentType, f.ComponentName))
                     .OrderBy(g => g.Key.ComponentType, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.ComponentName, StringComparer.Ordinal))
        {
            var labels = component.Select(Label).Distinct();
            yield return $"  {Describe(component.Key.ComponentType, component.Key.ComponentName)}: {string.Join(", ", labels)}";
        }
    }

    private static string Describe(string type, string name) =>
        !Enum.TryParse<MetadataKind>(type, out var kind) ? $"{type} '{name}'" :
        kind == MetadataKind.SecuritySettings ? "Security.settings" :
        kind is MetadataKind.ProfilePasswordPolicy or MetadataKind.ProfileSessionSetting
            ? $"{kind.Label()} for '{(name.Length > 0 ? name : "(profile not set)")}'"
            : $"{kind.Label()} '{name}'";

    /// "grants ModifyAllData" -> "+ModifyAllData"; other details as written.
    private static string Label(Finding f)
    {
        var detail = f.Detail;
        var at = detail.IndexOf("grants ", StringComparison.Ordinal);
        return at >= 0 ? "+" + detail[(at + "grants ".Length)..] : detail;
    }
}
