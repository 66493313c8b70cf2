namespace MetaLint.Core.Model;

/// Security.settings: the org-wide password, session and network policies.
internal sealed class SecuritySettings(SourceFile file) : SettingsComponent(file)
{
    /// The children other than networkAccess by local name; an absent or nil child is not here.
    public Dictionary<string, SecuritySettingsChild> Elements { get; } = new(StringComparer.Ordinal);

    /// &lt;networkAccess&gt;; null when absent or nil.
    public NetworkAccess? NetworkAccess { get; set; }

    public SecuritySettingsChild? Element(string name) => Elements.GetValueOrDefault(name);

    public override string Name => File.ComponentName;
    public override string DisplayName => "Security settings";
}
