namespace MetaLint.Core.Model;

/// Everything rules see: components recomposed from the parsed files, plus the files that failed to parse.
internal sealed class MetadataModel
{
    public List<PermissionContainer> PermissionContainers { get; } = [];
    public List<ParseFailure> ParseFailures { get; } = [];
    public List<SettingsComponent> Settings { get; } = [];

    /// Inline suppression comments of every parsed file; the suppression stage reads them.
    public List<InlineDirective> Directives { get; } = [];

    /// Every object a rule can target, in a stable order.
    public IEnumerable<object> Components =>
        ParseFailures.Cast<object>().Concat(PermissionContainers).Concat(Settings).Concat(Directives);
}
