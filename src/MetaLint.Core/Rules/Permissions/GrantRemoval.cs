using DiffPlex;
using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Compares a profile before and after a change: the grants the change deletes from the file instead of setting them
/// false. Profiles overlay on deploy (a permission the file omits keeps its org value), so those stay granted.
/// Permission sets replace on deploy (API 40 and later): dropping an entry there does revoke it, so only profiles count.
internal static class GrantRemoval
{
    private static readonly (string Element, Func<ObjectPermission, BoolField?> Get)[] ObjectFlags =
    [
        ("allowCreate", o => o.AllowCreate), ("allowRead", o => o.AllowRead), ("allowEdit", o => o.AllowEdit),
        ("allowDelete", o => o.AllowDelete), ("modifyAllRecords", o => o.ModifyAllRecords),
        ("viewAllRecords", o => o.ViewAllRecords), ("viewAllFields", o => o.ViewAllFields),
    ];

    /// The base's grants that after no longer mentions; beforeText and afterText place them in the new file.
    public static IEnumerable<RemovedGrant> Find(PermissionContainer before, string beforeText, PermissionContainer after,
        SourceFile afterFile, string afterText)
    {
        if (before.Kind != MetadataKind.Profile || after.Kind != MetadataKind.Profile) yield break;
        var lines = new LineMap(beforeText, afterText);
        SourceLocation At(int beforeLine)
        {
            var line = lines.Map(beforeLine);
            return new SourceLocation(afterFile, new SourceSpan(line, 1, line, 1));
        }

        var mentioned = after.UserPermissions.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var p in before.UserPermissions.Where(p => p.Enabled && !mentioned.Contains(p.Name))
                     .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
            yield return new RemovedGrant(after.Kind, after.Name, p.Name, $"user permission {p.Name}",
                $"<userPermissions><enabled>false</enabled><name>{p.Name}</name></userPermissions>",
                At(lines.BlockStart(p.NameLocation.Span.StartLine, "<userPermissions")));

        var objects = after.ObjectPermissions.GroupBy(o => o.Object, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var o in before.ObjectPermissions.DistinctBy(o => o.Object, StringComparer.OrdinalIgnoreCase))
        {
            var now = objects.GetValueOrDefault(o.Object) ?? [];
            var dropped = ObjectFlags
                .Where(f => f.Get(o) is { Value: true } && !now.Any(n => f.Get(n) != null))
                .ToList();
            if (dropped.Count == 0) continue;
            var names = string.Join(", ", dropped.Select(f => f.Element));
            var line = now.Count == 0 ? o.Location.Span.StartLine : dropped.Min(f => f.Get(o)!.Value.Location.Span.StartLine);
            yield return new RemovedGrant(after.Kind, after.Name, o.Object, $"{names} on {o.Object}",
                $"<objectPermissions> for {o.Object} with {string.Join(", ", dropped.Select(f => $"<{f.Element}>false</{f.Element}>"))}",
                At(line));
        }
    }

    /// Maps a line of the old text to the new one; a deleted line maps to where the deletion is in the new text.
    private sealed class LineMap(string before, string after)
    {
        private readonly IList<DiffPlex.Model.DiffBlock> _blocks =
            Differ.Instance.CreateLineDiffs(before, after, ignoreWhitespace: false).DiffBlocks;
        private readonly int _afterLines = Math.Max(1, after.Split('\n').Length);
        private readonly string[] _before = before.Split('\n');

        /// The line of the start tag of the block holding beforeLine (a few lines up), else beforeLine: a line
        /// diff may match a deleted block's first lines with the next block's, so the start tag is the anchor.
        public int BlockStart(int beforeLine, string startTag)
        {
            for (var line = beforeLine; line >= 1 && line > beforeLine - 10 && line <= _before.Length; line--)
                if (_before[line - 1].Contains(startTag, StringComparison.Ordinal)) return line;
            return beforeLine;
        }

        public int Map(int beforeLine)
        {
            var old = beforeLine - 1;   // DiffPlex counts from 0
            var offset = 0;
            foreach (var b in _blocks)
            {
                if (old < b.DeleteStartA) break;
                if (old < b.DeleteStartA + b.DeleteCountA) return Clamp(b.InsertStartB + 1);
                offset = b.InsertStartB + b.InsertCountB - (b.DeleteStartA + b.DeleteCountA);
            }
            return Clamp(old + offset + 1);
        }

        private int Clamp(int line) => Math.Clamp(line, 1, _afterLines);
    }
}
