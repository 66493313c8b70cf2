namespace MetaLint.Core.Model;

/// The source text a report can show with a finding: the element itself (null when it spans too much, or the
/// file could not be read) and the lines around it (ContextStart..ContextEnd; Context null likewise).
internal sealed record SourceSnippet(string? Text, int ContextStart, int ContextEnd, string? Context);
