namespace MetaLint.Core.Model;

/// A boolean element with where it was written; only a literal true (or 1) grants.
public readonly record struct BoolField(bool Value, SourceLocation Location);

/// A text element with where it was written.
public sealed record TextField(string Value, SourceLocation Location);

/// One &lt;userPermissions&gt; entry.
public sealed record UserPermission(string Name, bool Enabled, SourceLocation NameLocation);

/// One &lt;objectPermissions&gt; entry; absent flags are null.
public sealed record ObjectPermission(string Object, SourceLocation Location)
{
    public BoolField? AllowCreate { get; set; }
    public BoolField? AllowRead { get; set; }
    public BoolField? AllowEdit { get; set; }
    public BoolField? AllowDelete { get; set; }
    public BoolField? ModifyAllRecords { get; set; }
    public BoolField? ViewAllRecords { get; set; }
    public BoolField? ViewAllFields { get; set; }
}

/// One profile &lt;loginIpRanges&gt; entry, addresses as written.
public sealed record LoginIpRange(string? StartAddress, string? EndAddress, SourceLocation Location);

/// A profile, permission set, muting permission set or permission set group: what rules about access read.
public sealed class PermissionContainer
{
    public PermissionContainer(MetadataKind kind, string name, SourceFile primaryFile)
    {
        Kind = kind;
        Name = name;
        PrimaryFile = primaryFile;
    }

    public MetadataKind Kind { get; }
    public string Name { get; }

    /// The file that names the component (for a decomposed set, the first file of the folder).
    public SourceFile PrimaryFile { get; }

    /// Profile &lt;userLicense&gt;.
    public TextField? UserLicense { get; set; }

    /// Permission set &lt;license&gt; or its legacy &lt;userLicense&gt;.
    public TextField? License { get; set; }

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
