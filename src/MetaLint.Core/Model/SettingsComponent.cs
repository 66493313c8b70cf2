namespace MetaLint.Core.Model;

/// A file that sets security settings: Security.settings, or a policy overriding them for one profile.
internal abstract class SettingsComponent(SourceFile file)
{
    public SourceFile File { get; } = file;
    public MetadataKind Kind => File.Kind;

    /// What findings are keyed on: "Security" for the org settings, the &lt;profile&gt; value for a policy.
    public abstract string Name { get; }

    /// How messages name the component: "Security settings", "Profile password policy for 'Admin'".
    public abstract string DisplayName { get; }
}
