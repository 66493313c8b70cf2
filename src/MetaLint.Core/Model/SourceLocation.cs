namespace MetaLint.Core.Model;

/// Where a model element came from: the file (a decomposed set spans several) and the span in it.
internal sealed record SourceLocation(SourceFile File, SourceSpan Span);
