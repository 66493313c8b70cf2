using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Flags administrative permissions from the high-risk list (configurable).
internal sealed class ML1006HighRiskPermission : UserPermissionRule
{
    public const string PermissionsOption = "permissions";
    public const string ExtraPermissionsOption = "extra-permissions";

    /// The default high-risk list: the only copy (rules/ML1006.md and rules.yml are generated from it).
    public static readonly IReadOnlyList<HighRiskPermission> Defaults =
    [
        new("AuthorApex", "Author Apex", "runs Apex in system mode (Execute Anonymous), past sharing and field security"),
        new("CustomizeApplication", "Customize Application", "changes the org's configuration"),
        new("ManageUsers", "Manage Users", "creates users and assigns profiles and permission sets"),
        new("ManageInternalUsers", "Manage Internal Users", "creates and edits internal users"),
        new("ManageProfilesPermissionsets", "Manage Profiles and Permission Sets", "edits what every profile and set grants"),
        new("AssignPermissionSets", "Assign Permission Sets", "hands out any permission set, including to oneself"),
        new("ManageRoles", "Manage Roles", "reshapes the role hierarchy, and with it record access"),
        new("ManageSharing", "Manage Sharing", "changes org-wide defaults and sharing rules"),
        new("ModifyMetadata", "Modify Metadata Through Metadata API Functions", "deploys metadata, including permissions"),
        new("ResetPasswords", "Reset User Passwords and Unlock Users", "resets passwords and unlocks accounts locked after failed logins"),
        new("ManageEncryptionKeys", "Manage Encryption Keys", "can destroy or replace the keys protecting encrypted data"),
        new("ViewEncryptedData", "View Encrypted Data", "reads encrypted fields in clear text"),
        new("ManagePasswordPolicies", "Manage Password Policies", "weakens password rules"),
        new("ManageLoginAccessPolicies", "Manage Login Access Policies", "lets administrators log in as other users"),
        new("ManageIpAddresses", "Manage IP Addresses", "widens trusted IP ranges"),
        new("ManageRemoteAccess", "Manage Connected Apps", "changes OAuth apps and their policies"),
        new("ManageAuthProviders", "Manage Auth. Providers", "changes single sign-on providers"),
        new("ManageCertificates", "Manage Certificates", "replaces signing and TLS certificates"),
        new("ManageNamedCredentials", "Allows users to modify Named Credentials and External Credentials", "redirects or reads integration credentials"),
        new("BulkApiHardDelete", "Bulk API Hard Delete", "deletes records without the Recycle Bin"),
        new("DataExport", "Weekly Data Export", "exports all org data"),
        new("TransferAnyEntity", "Transfer Record", "changes record owners, and with it access"),
        new("ViewUserPII", "View Concealed Field Data", "reads concealed personal data"),
        new("TransactionSecurityExempt", "Exempt from Transaction Security", "escapes Transaction Security policies"),
        new("InstallPackaging", "Download AppExchange Packages", "installs packages that bring their own code and permissions"),
        new("CanApproveUninstalledApps", "Approve Uninstalled Connected Apps", "authorises connected apps that are not installed in the org"),
        new("ExternalClientAppAdmin", "View all External Client Apps, view their settings, and edit their policies", "changes OAuth app policies"),
        new("ViewClientSecret", "View External Client App Consumer Secrets in Metadata", "reads OAuth consumer secrets"),
    ];

    public static readonly IReadOnlyList<string> DefaultList = [.. Defaults.Select(p => p.Name)];

    private static readonly IReadOnlySet<string> DefaultSet = Set([.. DefaultList]);

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
        if (replace == null && extra == null) return DefaultSet;
        return Set([.. replace ?? DefaultList, .. extra ?? []]);
    }

    protected override string Message(string permission) => $"grants high-risk permission {UserPermissionLabels.Display(permission)}";
}
