namespace MetaLint.Core.Model;

/// A boolean element with where it was written; only a literal true (or 1) grants.
public readonly record struct BoolField(bool Value, SourceLocation Location);
