using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Shared shape of the rules that flag granted user permissions from a fixed list.
internal abstract class UserPermissionRule : Rule<PermissionContainer>
{
    /// The permissions this rule flags (case-insensitive), given its options.
    protected abstract IReadOnlySet<string> Flagged(RuleContext ctx);

    public override void Check(PermissionContainer c, RuleContext ctx)
    {
        if (!c.CanGrant) return;
        var flagged = Flagged(ctx);
        foreach (var p in c.GrantedUserPermissions)
            if (flagged.Contains(p.Name))
                ctx.Report(c, p.NameLocation, p.Name, Message(p.Name), new PermissionFact(p.Name));
    }

    protected virtual string Message(string permission) => $"grants {UserPermissionLabels.Display(permission)}";

    protected static IReadOnlySet<string> Set(params string[] names) =>
        new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
}
