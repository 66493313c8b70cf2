using MetaLint.Core.Configuration;

namespace MetaLint.Core.Reporting.Evidence;

/// What an auditor is handed for one run (schema: docs/evidence.schema.json): the five data points of a
/// deployment record (initiator, changes, time, approvals, validations) and the remediation log (fixed findings).
internal sealed record EvidenceRecord(
    Report Report,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> FilesAnalysed,
    IReadOnlyDictionary<ExceptionEntry, int> AppliedExceptions,
    CommitInfo? Head,
    BaseComparison? Base,
    GateDecision Gate,
    DateTimeOffset Timestamp,
    string? ConfigPath,
    double? Score = null)
{
    public Initiator Initiator { get; init; } = new("local", null, null, null, null, null);

    /// When the run started; Timestamp is when it ended.
    public DateTimeOffset Started { get; init; }
}
