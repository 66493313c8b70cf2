using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Flags object permissions with Modify All (one finding per object).
internal sealed class ML1003ObjectModifyAll : Rule<PermissionContainer>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1003", Name: "ObjectModifyAllGranted", Title: "Modify All on an object",
        Description: "Object permissions grant modifyAllRecords: holders can edit and delete every record of " +
                     "the object, bypassing sharing.",
        DefaultLevel: RuleLevel.Warning, SecuritySeverity: 7.5m, Category: RuleCategory.Permissions);

    public override void Check(PermissionContainer c, RuleContext ctx)
    {
        if (!c.CanGrant) return;
        foreach (var (obj, field) in ObjectFlags.Granted(c, o => o.ModifyAllRecords))
            ctx.Report(c, field.Location, obj, $"grants {ObjectAccess.ModifyAll.Display()} on {obj}", new ObjectAccessFact(obj, ObjectAccess.ModifyAll));
    }
}
