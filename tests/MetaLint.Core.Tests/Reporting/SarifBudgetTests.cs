using MetaLint.Core.Model;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;
using MetaLint.Core.Suppressions;

namespace MetaLint.Core.Tests.Reporting;

/// SarifBudget.Fit reads a streamed run once and holds at most --max-results results; it must choose what the
/// straightforward algorithm over every finding held chooses (group all per-object findings per component, rule,
/// file and suppression when over the limit; groups at their first member; keep the best by active, level,
/// security-severity, report order).
public sealed class SarifBudgetTests
{
    private static readonly RuleDescriptor[] Rules =
        [.. new[] { "ML0001", "ML1001", "ML1002", "ML1003", "ML1004", "ML1005", "ML1006", "ML9001", "ML9002" }
            .Select(id => RuleCatalog.Find(id)!.Descriptor)];

    private static readonly Suppression?[] Suppressions =
    [
        null, null, null,
        new(SuppressionSource.Inline, "reviewed", null, null),
        new(SuppressionSource.Exception, "break-glass", "sec@example.com", new DateOnly(2099, 1, 1)),
    ];

    private static List<Finding> Findings(Random random)
    {
        var findings = new List<Finding>();
        var files = random.Next(1, 12);
        for (var i = 0; i < files; i++)
        {
            var name = $"P{random.Next(3)}";   // the same component in several files (package directories)
            var file = new SourceFile($"/org/f{i:D2}/{name}.profile-meta.xml", $"f{i:D2}/{name}.profile-meta.xml", MetadataKind.Profile, name);
            for (var n = random.Next(0, 25); n > 0; n--)
            {
                var rule = Rules[random.Next(Rules.Length)];
                var obj = $"Obj{random.Next(6)}__c";
                var perObject = rule.Id is "ML1003" or "ML1004" or "ML1005";
                var location = new SourceLocation(file, new SourceSpan(random.Next(1, 40), random.Next(1, 3), 1, 1));
                var message = perObject && random.Next(8) > 0 ? $"Profile '{name}' grants access on {obj}" : $"Profile '{name}' {rule.Id} {random.Next(3)}";
                findings.Add(new Finding(rule, (RuleLevel)random.Next(1, 4), message, location, MetadataKind.Profile, name,
                    perObject ? obj : $"s{random.Next(4)}")
                {
                    Fact = perObject ? new ObjectAccessFact(obj, ObjectAccess.ModifyAll) : null,
                    Related = random.Next(10) == 0 ? [new RelatedLocation(location, "folded")] : [],
                    Suppression = Suppressions[random.Next(Suppressions.Length)],
                });
            }
        }
        return [.. RuleEngine.Finalise(findings)];
    }

    /// The algorithm before the run was streamed, over every finding held.
    private static (List<Finding> Results, SarifBudgetOutcome Outcome) Reference(List<Finding> findings, int max)
    {
        if (max <= 0 || findings.Count <= max) return ([.. findings], new SarifBudgetOutcome(max, findings.Count, 0, 0, 0));
        var (folded, groups) = (0, 0);
        var first = new Dictionary<Finding, Finding>(ReferenceEqualityComparer.Instance);
        var grouped = new List<Finding>();
        foreach (var group in findings.GroupBy(f =>
                     f.Fact is ObjectAccessFact fact && f.Related.Count == 0 && f.Message.EndsWith(fact.Object, StringComparison.Ordinal)
                         ? (object)(f.RuleId, f.ComponentKind, f.ComponentName, f.Path, f.Suppression) : null))
        {
            var members = group.ToList();
            if (group.Key == null || members.Count < 2)
            {
                grouped.AddRange(members);
                continue;
            }
            var objects = members.Select(m => ((ObjectAccessFact)m.Fact!).Object).ToList();
            var fold = members[0] with
            {
                Message = $"{members[0].Message[..^objects[0].Length]}{objects.Count} objects: {string.Join(", ", objects.Take(SarifBudget.MaxObjectsInMessage))}" +
                          (objects.Count > SarifBudget.MaxObjectsInMessage ? $" and {objects.Count - SarifBudget.MaxObjectsInMessage} more" : ""),
                FingerprintKey = $"{members[0].RuleId}|{members[0].ComponentKind}|{members[0].ComponentName}|objects|{members[0].Path}",
                Related = [.. members.Select(m => new RelatedLocation(m.Location, ((ObjectAccessFact)m.Fact!).Object))],
            };
            first[fold] = members[0];
            grouped.Add(fold);
            folded += members.Count;
            groups++;
        }
        var order = new Dictionary<Finding, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < findings.Count; i++) order[findings[i]] = i;
        grouped = [.. grouped.OrderBy(f => order[first.GetValueOrDefault(f, f)])];
        var omitted = 0;
        if (grouped.Count > max)
        {
            var keep = grouped.Select((f, i) => (f, i))
                .OrderBy(x => x.f.IsSuppressed)
                .ThenByDescending(x => x.f.Level)
                .ThenByDescending(x => x.f.Rule.SecuritySeverity ?? 10m)
                .ThenBy(x => x.i)
                .Take(max).Select(x => x.i).ToHashSet();
            omitted = grouped.Count - keep.Count;
            grouped = [.. grouped.Where((_, i) => keep.Contains(i))];
        }
        return (grouped, new SarifBudgetOutcome(max, findings.Count, folded, groups, omitted));
    }

    private static IEnumerable<(string, string, string, SourceSpan, int, bool, RuleLevel)> Shape(IEnumerable<Finding> results) =>
        results.Select(f => (f.RuleId, f.Message, f.FingerprintKey, f.Span, f.Related.Count, f.IsSuppressed, f.Level));

    [Fact]
    public void Fit_chooses_what_grouping_and_ranking_every_finding_at_once_chooses()
    {
        var (grouped, omitted) = (0, 0);
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var findings = Findings(random);
            var max = random.Next(0, findings.Count + 3);
            var expected = Reference(findings, max);
            if (expected.Outcome.Groups > 0) grouped++;
            if (expected.Outcome.Omitted > 0) omitted++;
            foreach (var input in new[] { findings, findings.Select(f => f) })   // held and streamed
            {
                var (results, outcome) = SarifBudget.Fit(input, max);
                outcome.ShouldBe(expected.Outcome, $"seed {seed}, max {max}");
                Shape(results).ShouldBe(Shape(expected.Results), $"seed {seed}, max {max}");
            }
        }
        grouped.ShouldBeGreaterThan(500);
        omitted.ShouldBeGreaterThan(500);
    }
}
