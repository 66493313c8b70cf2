using MetaLint.Core;
using MetaLint.Core.Baselines;
using MetaLint.Core.Discovery;
using MetaLint.Core.Model;
using MetaLint.Core.Reporting;
using MetaLint.Core.Rules;

namespace MetaLint.Git;

/// Git-aware analyses: against a base revision (PR mode) or of the staged content (pre-commit).
/// Both write the blobs they need from the object database into a temporary folder laid out like the
/// repository, run the ordinary pipeline there, and delete it.
public static class GitModes
{
    /// Analyses the working tree and the tree at baseRef, and keeps only the findings whose fingerprints the
    /// base does not have. With changedOnly, both sides are limited to files that differ from baseRef.
    public static (AnalysisResult Result, BaseComparison Base) AgainstBase(
        IReadOnlyList<string> paths, AnalysisOptions options, string baseRef, bool changedOnly)
    {
        var root = options.Root ?? Discoverer.FindRoot(paths);
        using var git = GitRepository.Open(root);
        var baseCommit = git.Resolve(baseRef);
        var changed = changedOnly ? git.ChangedSince(baseCommit) : null;
        var discoverer = new Discoverer(options.Config.Exclude);

        var head = discoverer.Discover(root, paths);
        if (changed != null)
            head = head with { Files = head.Files.Where(f => changed.Contains(RepoPath(git, f.FullPath))).ToList() };
        var headResult = Analyzer.Analyse(head, options);

        using var snapshot = new Snapshot(git.WorkDir, options.MaxFileSize);
        git.WriteTree(baseCommit, snapshot, changed);
        snapshot.HoldIfAsked();
        // The head is the working tree itself; an entry the base snapshot refuses can only make more findings new.
        var baseDiscovery = snapshot.Discover(discoverer, root, paths);
        var baseResult = Analyzer.Analyse(baseDiscovery, options);
        headResult = headResult with
        {
            Discovery = headResult.Discovery with
            {
                Warnings = [.. headResult.Discovery.Warnings, .. snapshot.Refused.Select(r => $"{baseRef}: git entry '{r.Name}' was not analysed: {r.Reason}")],
            },
        };

        var before = baseResult.Findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
        var introduced = headResult.Findings.Where(f => IsIntroduced(f, before))
            .Select(f => WithBaseValue(f, baseResult.Settings)).ToList();
        return (headResult with { Findings = introduced },
            new BaseComparison(baseRef, GitRepository.Info(baseCommit), git.Head, baseResult.Findings.Count));
    }

    /// Analyses the staged (index) content of staged metadata files under the given paths, and only those.
    public static AnalysisResult Staged(IReadOnlyList<string> paths, AnalysisOptions options)
    {
        var root = options.Root ?? Discoverer.FindRoot(paths);
        using var git = GitRepository.Open(root);
        using var snapshot = new Snapshot(git.WorkDir, options.MaxFileSize);
        git.WriteIndex(snapshot, git.StagedPaths());
        var discovery = snapshot.Discover(new Discoverer(options.Config.Exclude), root, paths);
        return Analyzer.Analyse(discovery with
        {
            Warnings = [.. discovery.Warnings, .. snapshot.Refused.Select(r => $"staged entry '{r.Name}' was not analysed: {r.Reason}")],
            Refused = snapshot.Refused.Select(Failure).OfType<ParseFailure>().ToList(),
        }, options);
    }

    /// A refused staged metadata file is an ML0001 finding (path as git names it): the gate must not pass a file it
    /// could not check. Other refused entries are warnings only.
    private static ParseFailure? Failure(RefusedEntry entry)
    {
        var name = entry.Name[(entry.Name.LastIndexOf('/') + 1)..];
        if (SuffixTable.Recognise(name) is not { } hit) return null;
        var file = new SourceFile(entry.Name, entry.Name, hit.Kind, SuffixTable.DecodeName(hit.RawName));
        return new ParseFailure(new SourceLocation(file, SourceSpan.FileStart), $"the staged entry was not analysed: {entry.Reason}");
    }

    /// New when the base has no finding with this fingerprint, or had it at a lower level; for a setting, when its
    /// status got worse (warning to critical) or its value changed at the same status (OneYear to Never: both
    /// critical). A setting's level alone cannot tell: a low-risk setting is a note at either status.
    private static bool IsIntroduced(Finding f, IReadOnlyDictionary<string, Finding> before)
    {
        if (!before.TryGetValue(f.Fingerprint, out var old)) return true;
        if (f.Level > old.Level) return true;
        if (f.Fact is not SettingFact now || old.Fact is not SettingFact was) return false;
        return now.Status > was.Status || (now.Status == was.Status && now.Value != was.Value);
    }

    /// Gives a setting finding the base's value of the setting, when the base set it too.
    private static Finding WithBaseValue(Finding f, IReadOnlyList<SettingsComponent> baseSettings)
    {
        if (f.Fact is not SettingFact fact || SettingCatalog.Find(fact.Key) is not { } definition) return f;
        var before = baseSettings
            .Where(c => c.Kind == f.ComponentKind && c.Name == f.ComponentName)
            .Select(c => SettingCatalog.AppliesTo(definition, c) ? SettingCatalog.Read(definition, c) : null)
            .FirstOrDefault(r => r != null);
        return before == null ? f : f with { Fact = fact with { BaseValue = before.Display } };
    }

    private static string RepoPath(GitRepository git, string fullPath) =>
        Path.GetRelativePath(git.WorkDir, fullPath).Replace('\\', '/');
}
