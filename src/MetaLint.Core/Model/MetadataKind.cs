namespace MetaLint.Core.Model;

/// The metadata types MetaLint recognises by file suffix.
internal enum MetadataKind
{
    Profile,
    PermissionSet,
    PermissionSetGroup,
    MutingPermissionSet,
    SecuritySettings,
    ProfilePasswordPolicy,
    ProfileSessionSetting,
}

internal static class MetadataKindExtensions
{
    /// The label used in messages: "Profile 'Admin' grants ...".
    public static string Label(this MetadataKind kind) => kind switch
    {
        MetadataKind.Profile => "Profile",
        MetadataKind.PermissionSet => "Permission set",
        MetadataKind.PermissionSetGroup => "Permission set group",
        MetadataKind.MutingPermissionSet => "Muting permission set",
        MetadataKind.SecuritySettings => "Security settings",
        MetadataKind.ProfilePasswordPolicy => "Profile password policy",
        MetadataKind.ProfileSessionSetting => "Profile session setting",
        _ => kind.ToString(),
    };

    /// The XML root element a file of this kind must have.
    public static string RootElement(this MetadataKind kind) => kind switch
    {
        MetadataKind.SecuritySettings => "SecuritySettings",
        _ => kind.ToString(),
    };
}
