using MetaLint.Core.Model;

namespace MetaLint.Core.Parsing;

/// The result of parsing one file: its content as a container fragment or a settings component, or the failure.
internal sealed record ParsedFile(SourceFile File, PermissionContainer? Content, ParseFailure? Failure)
{
    public SettingsComponent? Settings { get; init; }

    /// Inline suppression comments found in the file.
    public IReadOnlyList<InlineDirective> Directives { get; init; } = [];
}
