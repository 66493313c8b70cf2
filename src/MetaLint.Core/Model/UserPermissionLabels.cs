namespace MetaLint.Core.Model;

/// Setup's labels of the user permissions MetaLint knows ("ModifyAllData" is "Modify All Data").
internal static class UserPermissionLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ModifyAllData"] = "Modify All Data",
        ["ViewAllData"] = "View All Data",
        ["ViewAllFieldsGlobal"] = "View All Fields (Global)",
        ["AuthorApex"] = "Author Apex",
        ["CustomizeApplication"] = "Customize Application",
        ["ManageUsers"] = "Manage Users",
        ["ManageInternalUsers"] = "Manage Internal Users",
        ["ManageProfilesPermissionsets"] = "Manage Profiles and Permission Sets",
        ["AssignPermissionSets"] = "Assign Permission Sets",
        ["ManageRoles"] = "Manage Roles",
        ["ManageSharing"] = "Manage Sharing",
        ["ModifyMetadata"] = "Modify Metadata Through Metadata API Functions",
        ["ResetPasswords"] = "Reset User Passwords and Unlock Users",
        ["ManageEncryptionKeys"] = "Manage Encryption Keys",
        ["ViewEncryptedData"] = "View Encrypted Data",
        ["ManagePasswordPolicies"] = "Manage Password Policies",
        ["ManageLoginAccessPolicies"] = "Manage Login Access Policies",
        ["ManageIpAddresses"] = "Manage IP Addresses",
        ["ManageRemoteAccess"] = "Manage Connected Apps",
        ["ManageAuthProviders"] = "Manage Auth. Providers",
        ["ManageCertificates"] = "Manage Certificates",
        ["ManageNamedCredentials"] = "Allows users to modify Named Credentials and External Credentials",
        ["BulkApiHardDelete"] = "Bulk API Hard Delete",
        ["DataExport"] = "Weekly Data Export",
        ["TransferAnyEntity"] = "Transfer Record",
        ["ViewUserPII"] = "View Concealed Field Data",
        ["TransactionSecurityExempt"] = "Exempt from Transaction Security",
        ["InstallPackaging"] = "Download AppExchange Packages",
        ["CanApproveUninstalledApps"] = "Approve Uninstalled Connected Apps",
        ["ExternalClientAppAdmin"] = "View all External Client Apps, view their settings, and edit their policies",
        ["ViewClientSecret"] = "View External Client App Consumer Secrets in Metadata",
        ["BypassMFAForUiLogins"] = "Waive Multi-Factor Authentication for Exempt Users",
        ["PasswordNeverExpires"] = "Password Never Expires",
        ["SkipIdentityConfirmation"] = "Skip Device Activation at Login",
        ["ApiEnabled"] = "API Enabled",
        ["ViewAllUsers"] = "View All Users",
        ["ViewSetup"] = "View Setup and Configuration",
        ["ApiUserOnly"] = "API Only User",
        ["ManageSessionPermissionSets"] = "Manage Session Permission Set Activations",
        ["ExportReport"] = "Export Reports",
        ["ManageCustomPermissions"] = "Manage Custom Permissions",
        ["ManageDataIntegrations"] = "Manage Data Integrations",
        ["ManageSandboxes"] = "Manage Sandboxes",
        ["EditReadonlyFields"] = "Edit Read Only Fields",
        ["ManageTwoFactor"] = "Manage MFA in API",
        ["DelegatedTwoFactor"] = "Manage MFA in User Interface",
        ["ForceTwoFactor"] = "Multi-Factor Authentication for User Interface Logins",
        ["TwoFactorApi"] = "Multi-Factor Authentication for API Logins",
        ["ViewAllProfiles"] = "View All Profiles",
        ["ViewRoles"] = "View Roles and Role Hierarchy",
        ["ViewEventLogFiles"] = "View Event Log Files",
        ["ViewDataLeakageEvents"] = "View Real-Time Event Monitoring Data",
        ["ViewHealthCheck"] = "View Health Check",
        ["ManageHealthCheck"] = "Manage Health Check",
        ["ViewSecurityCommandCenter"] = "View Security Center pages",
        ["ManageSecurityCommandCenter"] = "Manage Security Center",
        ["InboundMigrationToolsUser"] = "Deploy Change Sets",
        ["OutboundMigrationToolsUser"] = "Create and Upload Change Sets",
        ["IsSsoEnabled"] = "Is Single Sign-On Enabled",
        ["FreezeUsers"] = "Freeze Users",
    };

    /// The Setup label of an API name, or the API name itself when MetaLint does not know the permission.
    public static string For(string apiName) => Labels.GetValueOrDefault(apiName.Trim(), apiName);

    /// How messages name a permission: the Setup label with the API name in parentheses ("Modify All Data
    /// (ModifyAllData)"), or the API name alone when MetaLint does not know its label.
    public static string Display(string apiName) =>
        Labels.TryGetValue(apiName.Trim(), out var label) ? $"{label} ({apiName.Trim()})" : apiName;
}
