namespace MetaLint.Core.Model;

/// A text element with where it was written.
public sealed record TextField(string Value, SourceLocation Location);
