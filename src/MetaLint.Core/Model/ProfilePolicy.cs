namespace MetaLint.Core.Model;

/// Base of the per-profile overrides, keyed on &lt;profile&gt; (an API name, a label, or nil), never the file name.
internal abstract class ProfilePolicy(SourceFile file) : SettingsComponent(file)
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
