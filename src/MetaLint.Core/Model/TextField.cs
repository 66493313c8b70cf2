namespace MetaLint.Core.Model;

/// A text element with where it was written.
internal sealed record TextField(string Value, SourceLocation Location);
