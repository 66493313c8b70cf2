using System.Globalization;
using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Folds per-object findings that a wider grant of the same component already covers, so a reviewer reads one
/// finding instead of hundreds: ModifyAllData covers Modify All, View All and View All Fields on every object
/// (ML1003-ML1005 fold into ML1001); ViewAllData covers View All and View All Fields (ML1004, ML1005 fold into
/// ML1002); View All that ML1008 reports on a guest profile is not reported again as ML1004. The covering
/// finding counts what it covers and lists each grant as a related location. One pass over one component's
/// findings.
internal static class RedundantGrants
{
    private static readonly string ModifyAllData = UserPermissionGrants.ML1001.Permissions[0];
    private static readonly string ViewAllData = UserPermissionGrants.ML1002.Permissions[0];

    private static readonly ObjectAccess[] CountOrder = [ObjectAccess.ModifyAll, ObjectAccess.ViewAll, ObjectAccess.ViewAllFields];

    /// Folds findings[start..] (one component's) in place.
    public static void Fold(List<Finding> findings, int start)
    {
        Finding? modifyAllData = null, viewAllData = null;
        HashSet<(string Path, SourceSpan Span)>? guestViewAll = null;
        for (var i = start; i < findings.Count; i++)
        {
            var f = findings[i];
            switch (f.RuleId, f.Fact)
            {
                case ("ML1001", PermissionFact p) when Is(p, ModifyAllData): modifyAllData ??= f; break;
                case ("ML1002", PermissionFact p) when Is(p, ViewAllData): viewAllData ??= f; break;
                case ("ML1008", ObjectAccessFact { Access: ObjectAccess.ViewAll }): (guestViewAll ??= []).Add((f.Path, f.Span)); break;
            }
        }
        if (modifyAllData == null && viewAllData == null && guestViewAll == null) return;

        List<Finding> byModifyAll = [], byViewAll = [];
        int kept = start, modifyAllAt = -1, viewAllAt = -1;
        for (var i = start; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.RuleId == "ML1004" && guestViewAll?.Contains((f.Path, f.Span)) == true) continue;
            if (f.Fact is ObjectAccessFact)
            {
                if (modifyAllData != null && f.RuleId is "ML1003" or "ML1004" or "ML1005") { byModifyAll.Add(f); continue; }
                if (viewAllData != null && f.RuleId is "ML1004" or "ML1005") { byViewAll.Add(f); continue; }
            }
            if (ReferenceEquals(f, modifyAllData)) modifyAllAt = kept;
            if (ReferenceEquals(f, viewAllData)) viewAllAt = kept;
            findings[kept++] = f;
        }
        findings.RemoveRange(kept, findings.Count - kept);
        if (byModifyAll.Count > 0) findings[modifyAllAt] = Covering(findings[modifyAllAt], byModifyAll);
        if (byViewAll.Count > 0) findings[viewAllAt] = Covering(findings[viewAllAt], byViewAll);
    }

    private static bool Is(PermissionFact p, string name) => p.Permission.Trim().Equals(name, StringComparison.OrdinalIgnoreCase);

    /// The covering finding with what it covers: counted per access in its message, each grant a related location.
    private static Finding Covering(Finding f, List<Finding> covered)
    {
        var grants = covered.Select(c => (c.Location, Fact: (ObjectAccessFact)c.Fact!)).ToList();
        var counts = CountOrder
            .Select(a => (Access: a, N: grants.Count(g => g.Fact.Access == a)))
            .Where(x => x.N > 0).Select(x => Count(x.Access, x.N));
        var also = $", which also covers {Join(counts.ToList())}";
        var permission = UserPermissionLabels.For(((PermissionFact)f.Fact!).Permission);
        return f with
        {
            Message = f.Message + also,
            Detail = f.Detail + also,
            Related = [.. f.Related, .. grants.Select(g => new RelatedLocation(g.Location,
                $"{g.Fact.Access.Label()} on {g.Fact.Object} (covered by {permission})"))],
        };
    }

    private static string Count(ObjectAccess access, int n) =>
        $"{access.Label()} on {n.ToString("N0", CultureInfo.InvariantCulture)} object{(n == 1 ? "" : "s")}";

    private static string Join(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}
