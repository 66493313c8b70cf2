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
    /// fingerprint and related locations. The findings are read once, in report order, and at most maxResults
    /// results are held (plus one file's findings while it is grouped), so a streamed run stays flat in memory:
    /// up to the limit every finding is kept as it is; past it, the kept ones are grouped and every later file is
    /// grouped as it completes, and the results are held in a heap that drops the least worth seeing.
    public static (IReadOnlyList<Finding> Findings, SarifBudgetOutcome Outcome) Fit(IEnumerable<Finding> findings, int maxResults)
    {
        if (maxResults <= 0)
        {
            var all = findings as IReadOnlyList<Finding> ?? findings.ToList();
            return (all, new SarifBudgetOutcome(maxResults, all.Count, 0, 0, 0));
        }
        List<Finding>? kept = [];
        var total = 0;
        var grouper = new Grouper(maxResults);
        foreach (var f in findings)
        {
            total++;
            if (kept != null)
            {
                kept.Add(f);
                if (kept.Count <= maxResults) continue;
                foreach (var k in kept) grouper.Add(k);   // over the limit: group from the start
                kept = null;
                continue;
            }
            grouper.Add(f);
        }
        if (kept != null) return (kept, new SarifBudgetOutcome(maxResults, total, 0, 0, 0));
        var (results, folded, groups, omitted) = grouper.Finish();
        return (results, new SarifBudgetOutcome(maxResults, total, folded, groups, omitted));
    }

    /// Groups one file's findings at a time (a group's members share a path) and keeps the best maxResults results:
    /// active before suppressed, then by level, then by security-severity, then in report order.
    private sealed class Grouper(int maxResults)
    {
        private readonly List<(Finding Finding, long Index)> _file = [];
        private readonly PriorityQueue<(Finding Result, long Index), (Finding Result, long Index)> _best =
            new(Comparer<(Finding Result, long Index)>.Create((a, b) => Rank(b, a)));   // the worst on top
        private long _index;
        private int _folded, _groups, _results;

        public void Add(Finding f)
        {
            if (_file.Count > 0 && !string.Equals(_file[0].Finding.Path, f.Path, StringComparison.Ordinal)) Flush();
            _file.Add((f, _index++));
        }

        public (List<Finding> Results, int Folded, int Groups, int Omitted) Finish()
        {
            Flush();
            var results = _best.UnorderedItems.Select(x => x.Element).OrderBy(x => x.Index).Select(x => x.Result).ToList();
            return (results, _folded, _groups, _results - results.Count);
        }

        /// The file's findings grouped; a group sits at its first grant (its index).
        private void Flush()
        {
            foreach (var group in _file.GroupBy(x => GroupKey(x.Finding)))
            {
                if (group.Key == null || group.Count() < 2)
                {
                    foreach (var m in group) Offer(m);
                    continue;
                }
                var members = group.Select(m => m.Finding).ToList();
                Offer((Fold(members), group.First().Index));
                _folded += members.Count;
                _groups++;
            }
            _file.Clear();
        }

        private void Offer((Finding Result, long Index) item)
        {
            _results++;
            if (_best.Count < maxResults) _best.Enqueue(item, item);
            else if (Rank(item, _best.Peek()) < 0) _best.DequeueEnqueue(item, item);
        }

        /// Negative when a is worth more than b.
        private static int Rank((Finding Result, long Index) a, (Finding Result, long Index) b)
        {
            var c = a.Result.IsSuppressed.CompareTo(b.Result.IsSuppressed);
            if (c == 0) c = b.Result.Level.CompareTo(a.Result.Level);
            // ML0001 (no severity) is never dropped first
            if (c == 0) c = (b.Result.Rule.SecuritySeverity ?? 10m).CompareTo(a.Result.Rule.SecuritySeverity ?? 10m);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        }
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
            Related = [.. members.Take(RelatedLocation.SarifLimit).Select(m => new RelatedLocation(m.Location, ((ObjectAccessFact)m.Fact!).Object))],
        };
    }
}
