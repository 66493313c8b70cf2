namespace MetaLint.Core.Rules.Permissions;

/// Flags a profile or permission set that grants View All Data.
public sealed class ML1002ViewAllData : UserPermissionRule
{
    private static readonly IReadOnlySet<string> Names = Set("ViewAllData");

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1002", Name: "ViewAllDataGranted", Title: "View All Data granted",
        Description: "A profile or permission set grants the user permission ViewAllData: its holders can read " +
                     "every record in the org, whatever the sharing settings.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: 8.1m, Category: RuleCategory.Permissions);

    protected override IReadOnlySet<string> Flagged(RuleContext ctx) => Names;
}
