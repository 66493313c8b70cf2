using System.Globalization;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting.Sarif;

/// What fitting a run into the result budget did, for stderr and the run's properties.
internal sealed record SarifBudgetOutcome(int MaxResults, int Findings, int Folded, int Groups, int Omitted)
{
    /// One line per step taken; none when the run fitted as it was.
    public IEnumerable<string> Notes()
    {
        var max = MaxResults.ToString("N0", CultureInfo.InvariantCulture);
        if (Groups > 0)
            yield return string.Create(CultureInfo.InvariantCulture, $"SARIF: {Findings:N0} results are over the {max}-result limit of code scanning, so {Folded:N0} per-object " +
                         $"results are grouped into {Groups:N0}, one per component and rule (--max-results 0 turns this off)");
        if (Omitted > 0)
            yield return string.Create(CultureInfo.InvariantCulture, $"SARIF: still over {max} results: the {Omitted:N0} with the lowest level and security-severity are left out " +
                         $"(their count is in the run's properties); the text, JSON and CSV reports have every finding");
    }
}

/// Keeps a SARIF run within what GitHub code scanning accepts: it shows only the first 5,000 results of a run (and
/// refuses a run over 25,000) and 1,000 related locations per result. Over the budget, per-object results
/// (ML1003-ML1005 and others whose fact is an object grant) are folded per component and rule, the objects named
/// in the message (up to MaxObjectsInMessage) and listed as related locations; if still over, the results kept are
/// those most worth seeing: active before suppressed, then by level, then by security-severity.
internal static class SarifBudget
{
    public const int CodeScanningMaxResults = 5000;
    public const int MaxObjectsInMessage = 20;

    /// maxResults 0: no limit.
    /// The findings to write as results; a folded one is the first grant's finding with the group's message,
    /// fingerprint and related locations.
    public static (IReadOnlyList<Finding> Findings, SarifBudgetOutcome Outcome) Fit(IReadOnlyList<Finding> findings, int maxResults)
    {
        if (maxResults <= 0 || findings.Count <= maxResults)
            return (findings, new SarifBudgetOutcome(maxResults, findings.Count, 0, 0, 0));

        var (folded, groups) = (0, 0);
        var first = new Dictionary<Finding, Finding>(ReferenceEqualityComparer.Instance);   // folded -> its first grant
        var grouped = new List<Finding>();
        foreach (var group in findings.GroupBy(GroupKey))
        {
            var members = group.ToList();
            if (group.Key == null || members.Count < 2)
            {
                grouped.AddRange(members);
                continue;
            }
            var fold = Fold(members);
            first[fold] = members[0];
            grouped.Add(fold);
            folded += members.Count;
            groups++;
        }
        // Back in report order (path, line): groups sit at their first grant.
        var order = new Dictionary<Finding, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < findings.Count; i++) order[findings[i]] = i;
        grouped = [.. grouped.OrderBy(f => order[first.GetValueOrDefault(f, f)])];

        var omitted = 0;
        if (grouped.Count > maxResults)
        {
            var keep = grouped.Select((f, i) => (f, i))
                .OrderBy(x => x.f.IsSuppressed)
                .ThenByDescending(x => x.f.Level)
                .ThenByDescending(x => x.f.Rule.SecuritySeverity ?? 10m)   // ML0001 (no severity) is never dropped first
                .ThenBy(x => x.i)
                .Take(maxResults).Select(x => x.i).ToHashSet();
            omitted = grouped.Count - keep.Count;
            grouped = [.. grouped.Where((_, i) => keep.Contains(i))];
        }
        return (grouped, new SarifBudgetOutcome(maxResults, findings.Count, folded, groups, omitted));
    }

    /// Per-object findings whose message ends with the object's name group by rule, component, file and suppression;
    /// one that already carries related locations (a folded redundancy) stays as it is.
    private static object? GroupKey(Finding f) =>
        f.Fact is ObjectAccessFact fact && f.Related.Count == 0 && f.Message.EndsWith(fact.Object, StringComparison.Ordinal)
            ? (f.RuleId, f.ComponentKind, f.ComponentName, f.Path, f.Suppression)
            : null;

    private static Finding Fold(List<Finding> members)
    {
        var first = members[0];
        var objects = members.Select(m => ((ObjectAccessFact)m.Fact!).Object).ToList();
        var stem = first.Message[..^objects[0].Length];
        var named = string.Join(", ", objects.Take(MaxObjectsInMessage));
        var more = objects.Count > MaxObjectsInMessage
            ? string.Create(CultureInfo.InvariantCulture, $" and {objects.Count - MaxObjectsInMessage:N0} more") : "";
        var message = string.Create(CultureInfo.InvariantCulture, $"{stem}{objects.Count:N0} objects: {named}{more}");
        return first with
        {
            Message = message,
            FingerprintKey = $"{first.RuleId}|{first.ComponentKind}|{first.ComponentName}|objects|{first.Path}",
            Related = [.. members.Select(m => new RelatedLocation(m.Location, ((ObjectAccessFact)m.Fact!).Object))],
        };
    }
}
