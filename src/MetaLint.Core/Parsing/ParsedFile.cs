using MetaLint.Core.Model;

namespace MetaLint.Core.Parsing;

/// The result of parsing one file: its content as a container fragment, or the failure.
public sealed record ParsedFile(SourceFile File, PermissionContainer? Content, ParseFailure? Failure)
{
    /// Inline suppression comments found in the file.
    public IReadOnlyList<InlineDirective> Directives { get; init; } = [];
}
