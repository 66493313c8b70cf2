namespace MetaLint.Core.Reporting;

/// What PR mode adds to an analysis: the base commit and how many findings it already had.
public sealed record BaseComparison(string BaseRef, CommitInfo BaseCommit, CommitInfo? HeadCommit, int BaseFindings);

/// Who made a commit, for the audit evidence.
public sealed record CommitInfo(string Sha, string AuthorName, string AuthorEmail, DateTimeOffset AuthorWhen,
    string CommitterName, string CommitterEmail, DateTimeOffset CommitterWhen, string MessageShort);
