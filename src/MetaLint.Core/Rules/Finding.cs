using MetaLint.Core.Model;
using MetaLint.Core.Suppressions;

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

    /// What the component does wrong, without the component ("grants ModifyAllData"); used in summaries.
    public string Detail { get; init; } = Message;

    /// Set when an inline comment or a rules.yml exception dismisses the finding; it stays in reports.
    public Suppression? Suppression { get; init; }

    public bool IsSuppressed => Suppression != null;

    public string RuleId => Rule.Id;
    public string Path => Location.File.RelativePath;
    public SourceSpan Span => Location.Span;
}
