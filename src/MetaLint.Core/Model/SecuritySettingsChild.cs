namespace MetaLint.Core.Model;

/// One child of &lt;SecuritySettings&gt; as written: a value (enableAdminLoginAsAnyUser) or a group of values
/// (passwordPolicies, sessionSettings) whose leaf children are keyed by local name. Nil children are left out.
internal sealed class SecuritySettingsChild(TextField text)
{
    /// The element's own text (empty for a group) and its span.
    public TextField Text { get; } = text;
    public SourceLocation Location => Text.Location;
    public Dictionary<string, TextField> Values { get; } = new(StringComparer.Ordinal);

    public TextField? Get(string element) => Values.GetValueOrDefault(element);
}
