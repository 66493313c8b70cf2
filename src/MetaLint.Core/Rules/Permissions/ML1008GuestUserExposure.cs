using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Flags guest-user profiles that expose the API, all users, or write / View All / Modify All on objects.
internal sealed class ML1008GuestUserExposure : Rule<PermissionContainer>
{
    private static readonly HashSet<string> Permissions = new(StringComparer.OrdinalIgnoreCase)
    {
        "ApiEnabled", "ViewAllUsers",
    };

    private static readonly (ObjectAccess Access, Func<ObjectPermission, BoolField?> Flag)[] ObjectFlagsChecked =
    [
        (ObjectAccess.Edit, o => o.AllowEdit),
        (ObjectAccess.Delete, o => o.AllowDelete),
        (ObjectAccess.ViewAll, o => o.ViewAllRecords),
        (ObjectAccess.ModifyAll, o => o.ModifyAllRecords),
    ];

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1008", Name: "GuestUserExposure", Title: "Guest user exposure",
        Description: "A guest user profile (Guest User License) grants ApiEnabled, ViewAllUsers, or edit, delete, " +
                     "View All or Modify All on an object: anyone on the internet gets that access without logging in.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: 8.5m, Category: RuleCategory.Permissions);

    public override void Check(PermissionContainer c, RuleContext ctx)
    {
        if (!c.IsGuestProfile) return;
        foreach (var p in c.GrantedUserPermissions)
            if (Permissions.Contains(p.Name))
                ctx.Report(c, p.NameLocation, p.Name, $"is a guest user profile and grants {UserPermissionLabels.Display(p.Name)}", new PermissionFact(p.Name));
        foreach (var (access, flag) in ObjectFlagsChecked)
            foreach (var (obj, field) in ObjectFlags.Granted(c, flag))
                ctx.Report(c, field.Location, $"{obj}.{access.Element()}", $"is a guest user profile and grants {access.Display()} on {obj}",
                    new ObjectAccessFact(obj, access));
    }
}
