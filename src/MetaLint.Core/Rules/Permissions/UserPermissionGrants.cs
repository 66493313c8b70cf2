namespace MetaLint.Core.Rules.Permissions;

/// The table of fixed-list user permission rules, one row per id.
internal static class UserPermissionGrants
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
