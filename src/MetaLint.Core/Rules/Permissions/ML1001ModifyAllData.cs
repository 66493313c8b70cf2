namespace MetaLint.Core.Rules.Permissions;

/// Flags a profile or permission set that grants Modify All Data.
public sealed class ML1001ModifyAllData : UserPermissionRule
{
    private static readonly IReadOnlySet<string> Names = Set("ModifyAllData");

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1001", Name: "ModifyAllDataGranted", Title: "Modify All Data granted",
        Description: "A profile or permission set grants the user permission ModifyAllData: its holders can read, " +
                     "edit and delete every record in the org, whatever the sharing settings.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: 9.1m, Category: RuleCategory.Permissions);

    protected override IReadOnlySet<string> Flagged(RuleContext ctx) => Names;
}
