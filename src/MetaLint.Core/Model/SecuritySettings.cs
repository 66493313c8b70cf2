namespace MetaLint.Core.Model;

/// One child of &lt;SecuritySettings&gt; as written: a value (enableAdminLoginAsAnyUser) or a group of values
/// (passwordPolicies, sessionSettings) whose leaf children are keyed by local name. Nil children are left out.
public sealed class SettingsElement(TextField text)
{
    /// The element's own text (empty for a group) and its span.
    public TextField Text { get; } = text;
    public SourceLocation Location => Text.Location;
    public Dictionary<string, TextField> Values { get; } = new(StringComparer.Ordinal);

    public TextField? Get(string element) => Values.GetValueOrDefault(element);
}

/// One networkAccess &lt;ipRanges&gt; entry, addresses as written.
public sealed record TrustedIpRange(string? Start, string? End, SourceLocation Location);

/// The org's trusted IP ranges; an empty &lt;networkAccess/&gt; means none.
public sealed class NetworkAccess(SourceLocation location)
{
    public SourceLocation Location { get; } = location;
    public List<TrustedIpRange> IpRanges { get; } = [];
}

/// A file that sets security settings: Security.settings, or a policy overriding them for one profile.
public abstract class SettingsComponent(SourceFile file)
{
    public SourceFile File { get; } = file;
    public MetadataKind Kind => File.Kind;

    /// What findings are keyed on: "Security" for the org settings, the &lt;profile&gt; value for a policy.
    public abstract string Name { get; }

    /// How messages name the component: "Security settings", "Profile password policy for 'Admin'".
    public abstract string DisplayName { get; }
}

/// Security.settings: the org-wide password, session and network policies.
public sealed class SecuritySettings(SourceFile file) : SettingsComponent(file)
{
    /// The children other than networkAccess by local name; an absent or nil child is not here.
    public Dictionary<string, SettingsElement> Elements { get; } = new(StringComparer.Ordinal);

    /// &lt;networkAccess&gt;; null when absent or nil.
    public NetworkAccess? NetworkAccess { get; set; }

    public SettingsElement? Element(string name) => Elements.GetValueOrDefault(name);

    public override string Name => File.ComponentName;
    public override string DisplayName => "Security settings";
}

/// Base of the per-profile overrides, keyed on &lt;profile&gt; (an API name, a label, or nil), never the file name.
public abstract class ProfilePolicy(SourceFile file) : SettingsComponent(file)
{
    /// The &lt;profile&gt; element; null when absent or xsi:nil.
    public TextField? Profile { get; set; }

    /// Leaf elements by local name, integer codes as written.
    public Dictionary<string, TextField> Values { get; } = new(StringComparer.Ordinal);

    public TextField? Get(string element) => Values.GetValueOrDefault(element);

    public override string Name => Profile?.Value.Trim() ?? "";

    public override string DisplayName => Name.Length > 0
        ? $"{Kind.Label()} for '{Name}'"
        : $"{Kind.Label()} (profile not set)";
}

/// A ProfilePasswordPolicy file.
public sealed class ProfilePasswordPolicy(SourceFile file) : ProfilePolicy(file);

/// A ProfileSessionSetting file.
public sealed class ProfileSessionSetting(SourceFile file) : ProfilePolicy(file);
