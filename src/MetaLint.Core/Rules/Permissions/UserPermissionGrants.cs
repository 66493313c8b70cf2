namespace MetaLint.Core.Rules.Permissions;

/// One row of the user-permission table: a rule and the fixed user permissions whose grant it flags.
public sealed record UserPermissionGrantRow(RuleDescriptor Descriptor, params string[] Permissions);

/// ML1001, ML1002, ML1007: a granted user permission from a fixed list. One class over the table in
/// UserPermissionGrants, a row per id; each id keeps its page and fixtures.
public sealed class UserPermissionGrantRule(UserPermissionGrantRow row) : UserPermissionRule
{
    private readonly IReadOnlySet<string> _flagged = Set(row.Permissions);

    public UserPermissionGrantRow Row => row;

    public override RuleDescriptor Descriptor => row.Descriptor;

    protected override IReadOnlySet<string> Flagged(RuleContext ctx) => _flagged;
}

/// The table of fixed-list user permission rules, one row per id.
public static class UserPermissionGrants
{
    public static readonly UserPermissionGrantRow ML1001 = new(new(
        Id: "ML1001", Name: "ModifyAllDataGranted", Title: "Modify All Data granted",
        Description: "A profile or permission set grants the user permission ModifyAllData: its holders can read, " +
                     "edit and delete every record in the org, whatever the sharing settings.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: 9.1m, Category: RuleCategory.Permissions),
        "ModifyAllData");

    public static readonly UserPermissionGrantRow ML1002 = new(new(
        Id: "ML1002", Name: "ViewAllDataGranted", Title: "View All Data granted",
        Description: "A profile or permission set grants the user permission ViewAllData: its holders can read " +
                     "every record in the org, whatever the sharing settings.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: 8.1m, Category: RuleCategory.Permissions),
        "ViewAllData");

    public static readonly UserPermissionGrantRow ML1007 = new(new(
        Id: "ML1007", Name: "AuthenticationWeakened", Title: "Authentication weakened",
        Description: "A profile or permission set grants BypassMFAForUiLogins, PasswordNeverExpires or " +
                     "SkipIdentityConfirmation, exempting its holders from an authentication control.",
        DefaultLevel: RuleLevel.Warning, SecuritySeverity: 7.0m, Category: RuleCategory.Permissions),
        "BypassMFAForUiLogins", "PasswordNeverExpires", "SkipIdentityConfirmation");
}
