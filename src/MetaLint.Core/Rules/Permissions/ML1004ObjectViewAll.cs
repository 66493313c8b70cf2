using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Flags object permissions with View All (one finding per object).
internal sealed class ML1004ObjectViewAll : Rule<PermissionContainer>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1004", Name: "ObjectViewAllGranted", Title: "View All on an object",
        Description: "Object permissions grant viewAllRecords: holders can read every record of the object, " +
                     "bypassing sharing.",
        DefaultLevel: RuleLevel.Warning, SecuritySeverity: 6.5m, Category: RuleCategory.Permissions);

    public override void Check(PermissionContainer c, RuleContext ctx)
    {
        if (!c.CanGrant) return;
        foreach (var (obj, field) in ObjectFlags.Granted(c, o => o.ViewAllRecords))
            ctx.Report(c, field.Location, obj, $"grants {ObjectAccess.ViewAll.Display()} on {obj}", new ObjectAccessFact(obj, ObjectAccess.ViewAll));
    }
}
