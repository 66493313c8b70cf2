namespace MetaLint.Core.Model;

/// A boolean element with where it was written; only a literal true (or 1) grants.
internal readonly record struct BoolField(bool Value, SourceLocation Location);
