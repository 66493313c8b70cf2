using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Flags View All Fields, per object or global (ViewAllFieldsGlobal).
internal sealed class ML1005ViewAllFields : Rule<PermissionContainer>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1005", Name: "ViewAllFieldsGranted", Title: "View All Fields",
        Description: "Object permissions grant viewAllFields, or the user permission ViewAllFieldsGlobal is " +
                     "granted: holders read every field, including ones field-level security would hide.",
        DefaultLevel: RuleLevel.Warning, SecuritySeverity: 5.5m, Category: RuleCategory.Permissions);

    public override void Check(PermissionContainer c, RuleContext ctx)
    {
        if (!c.CanGrant) return;
        foreach (var p in c.GrantedUserPermissions)
            if (p.Name.Equals("ViewAllFieldsGlobal", StringComparison.OrdinalIgnoreCase))
                ctx.Report(c, p.NameLocation, p.Name, $"grants {UserPermissionLabels.Display(p.Name)}", new PermissionFact(p.Name));
        foreach (var (obj, field) in ObjectFlags.Granted(c, o => o.ViewAllFields))
            ctx.Report(c, field.Location, obj, $"grants {ObjectAccess.ViewAllFields.Display()} on {obj}", new ObjectAccessFact(obj, ObjectAccess.ViewAllFields));
    }
}
