using MetaLint.Core.Configuration;

namespace MetaLint.Core.Reporting.Evidence;

/// What an auditor is handed for one run (schema: docs/evidence.schema.json).
public sealed record EvidenceRecord(
    Report Report,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> FilesAnalysed,
    IReadOnlyDictionary<ExceptionEntry, int> AppliedExceptions,
    CommitInfo? Head,
    BaseComparison? Base,
    GateDecision Gate,
    DateTimeOffset Timestamp,
    string? ConfigPath,
    double? Score = null);
