using MetaLint.Core;
using MetaLint.Core.Discovery;
using MetaLint.Core.Model;
using MetaLint.Core.Reporting;
using MetaLint.Core.Rules;
using Commit = LibGit2Sharp.Commit;

namespace MetaLint.Git;

/// Git-aware analyses: against a base revision (PR mode) or of the staged content (pre-commit).
/// Both write the blobs they need from the object database into a temporary folder laid out like the
/// repository, run the ordinary pipeline there, and delete it.
internal static class GitModes
{
    /// Analyses the working tree and the tree at baseRef, and keeps only what the change introduces (Compare).
    /// With changedOnly, both sides are limited to files that differ from baseRef.
    /// Both sides are judged by the base's rules.yml (TrustedConfig); suppressions of introduced findings are
    /// vetted (ApprovalCheck), and the refused ones become ML9003 findings.
    /// With audit (an evidence record is wanted), it also lists the changed files and who fixed what.
    public static (AnalysisResult Result, BaseComparison Base) AgainstBase(
        IReadOnlyList<string> paths, AnalysisOptions options, string baseRef, bool changedOnly, bool audit = false)
    {
        var root = options.Root ?? Discoverer.FindRoot(paths);
        using var git = GitRepository.Open(root);
        var baseCommit = git.Resolve(baseRef);
        var trust = TrustedConfig.Load(git, baseCommit, baseRef, options.Config, paths.Count > 0 ? paths[0] : root);
        options = options with { Config = trust.Effective };
        var changed = changedOnly ? git.ChangedSince(baseCommit) : null;
        var discoverer = new Discoverer(options.Config.Exclude);

        var head = discoverer.Discover(root, paths);
        if (changed != null)
            head = head with { Files = head.Files.Where(f => changed.Contains(RepoPath(git, f.FullPath))).ToList() };

        using var snapshot = new Snapshot(git.WorkDir, options.MaxFileSize);
        git.WriteTree(baseCommit, snapshot, changed);
        snapshot.HoldIfAsked();
        var (result, baseFindings, @fixed, baseScore) = ChangeAnalysis.Compare(head, snapshot.Discover(discoverer, root, paths), options);
        // The head is the working tree itself; an entry the base snapshot refuses can only make more findings new.
        result = WithWarnings(result, snapshot.Refused.Select(r => $"{baseRef}: git entry '{r.Name}' was not analysed: {r.Reason}"));

        var approvals = new ApprovalCheck(git, baseCommit, trust);
        var vetted = approvals.Apply(result.Findings);
        // Not through the suppression stage: a refusal cannot be excepted away.
        var refused = RuleEngine.Finalise(new RuleEngine(result.Rules, trust.Effective).Check(approvals.Rejected)
            .Where(f => options.Only?.Contains(f.RuleId) ?? true));
        var applied = result.AppliedExceptions.ToDictionary();
        foreach (var entry in approvals.Rejected.Select(r => r.Attempt.Entry).OfType<MetaLint.Core.Configuration.ExceptionEntry>())
            if (applied.TryGetValue(entry, out var n) && (applied[entry] = n - 1) == 0) applied.Remove(entry);
        return (result with { Findings = RuleEngine.Sort([.. vetted, .. refused]), AppliedExceptions = applied },
            new BaseComparison(baseRef, GitRepository.Info(baseCommit), git.Head, baseFindings)
            {
                Config = trust.Effective, Approvals = approvals.Approvals, Loosenings = trust.Loosenings,
                // Both need a status of the working tree: only worth it when the record is written.
                ChangedFiles = audit ? (changed ?? git.ChangedSince(baseCommit)).Where(p => p.Length > 0).Order(StringComparer.Ordinal).ToList() : [],
                Fixed = audit ? Remediations(git, baseCommit, snapshot.Folder, @fixed) : [],
                BaseScore = changedOnly ? null : baseScore,
            });
    }

    /// Analyses the staged (index) content of staged metadata files under the given paths, and only those: what
    /// it introduces relative to HEAD (Compare), or, with all (or before the first commit), every finding.
    public static (AnalysisResult Result, BaseComparison? Base) Staged(IReadOnlyList<string> paths, AnalysisOptions options, bool all = false)
    {
        var root = options.Root ?? Discoverer.FindRoot(paths);
        using var git = GitRepository.Open(root);
        var discoverer = new Discoverer(options.Config.Exclude);
        using var snapshot = new Snapshot(git.WorkDir, options.MaxFileSize);
        git.WriteIndex(snapshot, git.StagedPaths());
        var discovery = snapshot.Discover(discoverer, root, paths);
        var staged = discovery with
        {
            Warnings = [.. discovery.Warnings, .. snapshot.Refused.Select(r => $"staged entry '{r.Name}' was not analysed: {r.Reason}")],
            Refused = snapshot.Refused.Select(Failure).OfType<ParseFailure>().ToList(),
        };
        if (all || git.Head is not { } tip) return (Analyzer.Analyse(staged, options), null);

        using var before = new Snapshot(git.WorkDir, options.MaxFileSize);
        git.WriteTree(git.Resolve(tip.Sha), before, git.StagedOrigins());
        var outcome = ChangeAnalysis.Compare(staged, before.Discover(discoverer, root, paths), options);
        var result = WithWarnings(outcome.Result, before.Refused.Select(r => $"HEAD: git entry '{r.Name}' was not analysed: {r.Reason}"));
        return (result, new BaseComparison("HEAD", tip, tip, outcome.BaseFindings));
    }

    private static AnalysisResult WithWarnings(AnalysisResult result, IEnumerable<string> warnings) =>
        result with { Discovery = result.Discovery with { Warnings = [.. result.Discovery.Warnings, .. warnings] } };

    /// A refused staged metadata file is an ML0001 finding (path as git names it): the gate must not pass a file it
    /// could not check. Other refused entries are warnings only.
    private static ParseFailure? Failure(RefusedEntry entry)
    {
        var name = entry.Name[(entry.Name.LastIndexOf('/') + 1)..];
        if (SuffixTable.Recognise(name) is not { } hit) return null;
        var file = new SourceFile(entry.Name, entry.Name, hit.Kind, SuffixTable.DecodeName(hit.RawName));
        return new ParseFailure(new SourceLocation(file, SourceSpan.FileStart), $"the staged entry was not analysed: {entry.Reason}");
    }

    /// Each fixed finding with the latest commit of the change that changed its file (base-side path), unless the
    /// working tree still differs from HEAD there: then the removal is not committed yet.
    private static List<FixedFinding> Remediations(GitRepository git, Commit baseCommit, string snapshotFolder, IReadOnlyList<Finding> @fixed)
    {
        var commits = git.CommitsSince(baseCommit);
        var uncommitted = git.Head is { } tip ? git.ChangedSince(git.Resolve(tip.Sha)) : [];
        return @fixed.Select(f =>
        {
            var path = Path.GetRelativePath(snapshotFolder, f.Location.File.FullPath).Replace('\\', '/');
            var by = uncommitted.Contains(path) ? null : commits.LastOrDefault(c => GitRepository.Changes(c, path));
            return new FixedFinding(f, path, by == null ? null : GitRepository.Info(by));
        }).ToList();
    }

    private static string RepoPath(GitRepository git, string fullPath) =>
        Path.GetRelativePath(git.WorkDir, fullPath).Replace('\\', '/');
}
