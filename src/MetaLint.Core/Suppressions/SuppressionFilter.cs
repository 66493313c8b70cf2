using MetaLint.Core.Configuration;
using MetaLint.Core.Discovery;
using MetaLint.Core.Model;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Suppressions;

/// The stage after the rules: applies rules.yml exceptions and inline comments to findings, and collects what
/// the suppression-hygiene rules (ML9xxx) report. Suppressed findings are kept, marked, never dropped.
internal sealed class SuppressionFilter(MetaLintConfig config, DateOnly today)
{
    private readonly List<(ExceptionEntry Entry, IgnoreRules? Glob)> _exceptions =
        config.Exceptions.Select(e => (e, e.Path == null ? null : new IgnoreRules([e.Path]))).ToList();

    /// How many findings each exception suppressed (evidence records it). Read it once every Apply has returned.
    public Dictionary<ExceptionEntry, int> Applied { get; } = [];

    /// The findings, suppressed ones marked, and the hygiene problems found on the way for the ML9xxx rules. Safe to
    /// call from several threads at once (the files of a run are filtered as each completes).
    public (List<Finding> Findings, List<object> Issues) Apply(IEnumerable<Finding> findings, IEnumerable<InlineDirective> directives)
    {
        var issues = new List<object>();
        var inline = directives
            .Where(d => d.Reason != null)
            .ToLookup(d => (d.Location.File.RelativePath, d.AppliesToLine));
        var result = new List<Finding>();
        foreach (var f in findings)
        {
            var suppression = FromException(f, issues) ?? FromInline(f, inline);
            if (suppression != null && config.RequireApproval.Contains(f.RuleId) &&
                (suppression.Source == SuppressionSource.Inline || string.IsNullOrWhiteSpace(suppression.ApprovedBy)))
            {
                issues.Add(new RejectedSuppression(f, suppression));
                suppression = null;
            }
            result.Add(suppression == null ? f : f with { Suppression = suppression });
        }
        return (result, issues);
    }

    /// The first valid exception matching the finding; where the rule needs approval, an approved one is
    /// preferred over an earlier unapproved one. Expired matches are reported only when nothing valid applies.
    private Suppression? FromException(Finding f, List<object> issues)
    {
        if (_exceptions.Count == 0) return null;
        var matching = _exceptions
            .Where(x => x.Entry.Rule.Equals(f.RuleId, StringComparison.OrdinalIgnoreCase) && Matches(x.Entry, x.Glob, f))
            .Select(x => x.Entry)
            .ToList();
        var valid = matching.Where(e => !e.IsExpired(today)).ToList();
        var needsApproval = config.RequireApproval.Contains(f.RuleId);
        var chosen = (needsApproval ? valid.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e.ApprovedBy)) : null)
                     ?? valid.FirstOrDefault();
        if (chosen == null)
        {
            foreach (var expired in matching) issues.Add(new ExpiredExceptionMatch(expired, f));
            return null;
        }
        if (!needsApproval || !string.IsNullOrWhiteSpace(chosen.ApprovedBy))
            lock (Applied) Applied[chosen] = Applied.GetValueOrDefault(chosen) + 1;
        return new Suppression(SuppressionSource.Exception, chosen.Justification, chosen.ApprovedBy, chosen.Expires) { Entry = chosen };
    }

    private static Suppression? FromInline(Finding f, ILookup<(string, int), InlineDirective> inline) =>
        inline[(f.Path, f.Span.StartLine)]
            .Where(d => d.RuleIds.Contains(f.RuleId, StringComparer.OrdinalIgnoreCase))
            .Select(d => new Suppression(SuppressionSource.Inline, d.Reason!, null, null))
            .FirstOrDefault();

    /// "Name" matches the component name; "Type:Name" also the type (Profile, PermissionSet, ...); both ignore case.
    private static bool Matches(ExceptionEntry entry, IgnoreRules? glob, Finding f)
    {
        if (glob != null) return glob.IsIgnored(f.Path, isDirectory: false);
        var component = entry.Component!;
        var colon = component.IndexOf(':');
        if (colon > 0 && !component[..colon].Trim().Equals(f.ComponentKind.ToString(), StringComparison.OrdinalIgnoreCase))
            return false;
        return component[(colon + 1)..].Trim().Equals(f.ComponentName, StringComparison.OrdinalIgnoreCase);
    }
}
