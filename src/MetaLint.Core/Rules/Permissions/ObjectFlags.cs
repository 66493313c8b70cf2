using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Object-permission flags granted by a component, once per object (the first grant in file order).
internal static class ObjectFlags
{
    public static IEnumerable<(string Object, BoolField Field)> Granted(
        PermissionContainer c, Func<ObjectPermission, BoolField?> flag)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in c.ObjectPermissions)
            if (flag(o) is { Value: true } field && seen.Add(o.Object))
                yield return (o.Object, field);
    }
}
