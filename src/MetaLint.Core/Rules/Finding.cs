using MetaLint.Core.Model;

namespace MetaLint.Core.Rules;

/// One reported problem. Subject is what the finding is about (a permission, an object, a range) and,
/// with the rule and component, keys the fingerprint, so a finding keeps its identity when lines move.
public sealed record Finding(
    RuleDescriptor Rule,
    RuleLevel Level,
    string Message,
    SourceLocation Location,
    string ComponentType,
    string ComponentName,
    string Subject)
{
    /// Stable identity across runs; set by the engine once all findings are known.
    public string Fingerprint { get; init; } = "";

    public string RuleId => Rule.Id;
    public string Path => Location.File.RelativePath;
    public SourceSpan Span => Location.Span;
}
