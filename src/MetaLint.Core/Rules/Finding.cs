using MetaLint.Core.Model;
using MetaLint.Core.Suppressions;

namespace MetaLint.Core.Rules;

/// One reported problem. Subject is what the finding is about (a permission, an object, a range) and,
/// with the rule and component, keys the fingerprint, so a finding keeps its identity when lines move.
internal sealed record Finding(
    RuleDescriptor Rule,
    RuleLevel Level,
    string Message,
    SourceLocation Location,
    MetadataKind ComponentKind,
    string ComponentName,
    string Subject)
{
    /// Stable identity across runs, hashed from the identity key the engine sets once all findings are known.
    /// Hashed on first use: a text report never shows it, so a one-file run never loads the crypto library.
    public string Fingerprint => _fingerprint.Value;

    /// Rule, component kind and name, subject and occurrence number ("ML1001|Profile|Admin|ModifyAllData|1").
    public string FingerprintKey
    {
        get => _fingerprint.Key;
        init => _fingerprint = new LazyFingerprint(value);
    }

    private LazyFingerprint _fingerprint = new("");

    /// What the component does wrong, without the component ("allows login from ..."); used in summaries
    /// of findings without a Fact.
    public string Detail { get; init; } = Message;

    /// What the finding is about, typed (the permission, object access or setting value); null when the
    /// message says all there is.
    public FindingFact? Fact { get; init; }

    /// Other places the finding covers (the object grants folded into a Modify All Data finding), by rule and then
    /// in file order.
    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    /// Set when an inline comment or a rules.yml exception dismisses the finding; it stays in reports.
    public Suppression? Suppression { get; init; }

    public bool IsSuppressed => Suppression != null;

    /// The finding's source text, read by the worker that checked its file while the file was fresh (streamed SARIF
    /// runs); null when not read, and then a SARIF report reads it itself.
    public SourceSnippet? Snippet { get; init; }

    public string RuleId => Rule.Id;
    public string Path => Location.File.RelativePath;
    public SourceSpan Span => Location.Span;
}
