namespace MetaLint.Core.Rules.Permissions;

/// Flags administrative permissions from the high-risk list (configurable).
public sealed class ML1006HighRiskPermission : UserPermissionRule
{
    public const string PermissionsOption = "permissions";
    public const string ExtraPermissionsOption = "extra-permissions";

    public static readonly IReadOnlyList<string> DefaultList =
    [
        "AuthorApex", "CustomizeApplication", "ManageUsers", "ManageInternalUsers", "ManageProfilesPermissionsets",
        "AssignPermissionSets", "ManageRoles", "ManageSharing", "ModifyMetadata", "ResetPasswords",
        "ManageEncryptionKeys", "ViewEncryptedData", "ManagePasswordPolicies", "ManageLoginAccessPolicies",
        "ManageIpAddresses", "ManageRemoteAccess", "ManageAuthProviders", "ManageCertificates",
        "ManageNamedCredentials", "BulkApiHardDelete", "DataExport", "TransferAnyEntity", "ViewUserPII",
        "TransactionSecurityExempt", "InstallPackaging", "CanApproveUninstalledApps", "ExternalClientAppAdmin",
        "ViewClientSecret",
    ];

    private static readonly IReadOnlySet<string> Defaults = Set([.. DefaultList]);

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1006", Name: "HighRiskPermissionGranted", Title: "High-risk administrative permission",
        Description: "A profile or permission set grants an administrative permission from the high-risk list " +
                     "(for example AuthorApex, ManageUsers, ModifyMetadata): holders can change who has access " +
                     "or run code as the system.",
        DefaultLevel: RuleLevel.Warning, SecuritySeverity: 7.0m, Category: RuleCategory.Permissions);

    public override IReadOnlyList<string> OptionKeys => [PermissionsOption, ExtraPermissionsOption];

    protected override IReadOnlySet<string> Flagged(RuleContext ctx)
    {
        var replace = ctx.Config.GetList(PermissionsOption);
        var extra = ctx.Config.GetList(ExtraPermissionsOption);
        if (replace == null && extra == null) return Defaults;
        return Set([.. replace ?? DefaultList, .. extra ?? []]);
    }

    protected override string Message(string permission) => $"grants high-risk permission {permission}";
}
