namespace MetaLint.Core.Model;

/// A profile, permission set, muting permission set or permission set group: what rules about access read.
internal sealed class PermissionContainer(MetadataKind kind, string name)
{
    public MetadataKind Kind { get; } = kind;
    public string Name { get; } = name;

    /// Profile &lt;userLicense&gt;.
    public TextField? UserLicense { get; set; }

    /// Permission set &lt;license&gt; or its legacy &lt;userLicense&gt;.
    public TextField? License { get; set; }

    /// A profile whose &lt;custom&gt; is false: a standard profile (System Administrator is `Admin`), whose user and
    /// object permissions Salesforce fixes.
    public bool IsStandardProfile { get; set; }

    public List<UserPermission> UserPermissions { get; } = [];
    public List<ObjectPermission> ObjectPermissions { get; } = [];
    public List<LoginIpRange> LoginIpRanges { get; } = [];

    /// Muting sets remove what they list and groups grant nothing themselves.
    public bool CanGrant => Kind is MetadataKind.Profile or MetadataKind.PermissionSet;

    public bool IsGuestProfile =>
        Kind == MetadataKind.Profile &&
        string.Equals(UserLicense?.Value, "Guest User License", StringComparison.OrdinalIgnoreCase);

    public string KindLabel => Kind.Label();

    /// Enabled user permissions, only where the component can grant.
    public IEnumerable<UserPermission> GrantedUserPermissions =>
        CanGrant ? UserPermissions.Where(p => p.Enabled) : [];
}
