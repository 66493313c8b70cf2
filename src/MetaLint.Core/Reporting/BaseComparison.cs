using MetaLint.Core.Configuration;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting;

/// What PR mode adds to an analysis: the base commit and how many findings it already had, the configuration
/// that decided the gate (the base's), how each suppression of an introduced finding was judged, and how the
/// change loosens rules.yml.
internal sealed record BaseComparison(string BaseRef, CommitInfo BaseCommit, CommitInfo? HeadCommit, int BaseFindings)
{
    public MetaLintConfig? Config { get; init; }
    public IReadOnlyList<ExceptionApproval> Approvals { get; init; } = [];
    public IReadOnlyList<string> Loosenings { get; init; } = [];

    /// Repository paths that differ between the base and the working tree (committed or not); filled when an
    /// evidence record is written.
    public IReadOnlyList<string> ChangedFiles { get; init; } = [];

    /// Findings the base had and the change removed, each with the commit that removed it: the remediation log.
    public IReadOnlyList<FixedFinding> Fixed { get; init; } = [];

    /// The base's approximate Health Check score; null with --changed-only (the base was read only in part).
    public Baselines.HealthScore? BaseScore { get; init; }
}

/// Who made a commit, for the audit evidence.
internal sealed record CommitInfo(string Sha, string AuthorName, string AuthorEmail, DateTimeOffset AuthorWhen,
    string CommitterName, string CommitterEmail, DateTimeOffset CommitterWhen, string MessageShort);

/// A finding present at the base and gone in the change. RemovedBy: the latest commit of the change that changed its
/// file; null when the change that removed it is not committed.
internal sealed record FixedFinding(Finding Finding, string RepoPath, CommitInfo? RemovedBy);

/// How a suppression of a finding the change introduces was judged in PR mode, for the summary and the evidence.
/// <param name="Approver">approvedBy of the exception; null for an inline comment or an entry without one.</param>
/// <param name="Verification">How it was checked ("on the base", "added in commit ... by ..."), or why it was refused.</param>
/// <param name="Commit">The commit that added the exception, when known.</param>
internal sealed record ExceptionApproval(
    ExceptionEntry? Entry, string? Approver, bool Honoured, string Verification, CommitInfo? Commit = null);

