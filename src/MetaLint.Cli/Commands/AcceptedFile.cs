using MetaLint.Core;
using MetaLint.Core.IO;
using MetaLint.Core.Suppressions;
using MetaLint.Git;

namespace MetaLint.Cli.Commands;

/// metalint-accepted.json for one `check` run: where it is, which copy is in force, and its rewrite
/// (--update-accepted, --prune-accepted).
internal sealed class AcceptedFile
{
    private AcceptedFile(string root, string full, string name, bool named)
    {
        _root = root;
        Full = full;
        Name = name;
        Named = named;
    }

    private readonly string _root;

    /// Full path on disk.
    public string Full { get; }

    /// How messages and suppression justifications call it: relative to the project root when inside it.
    public string Name { get; }

    /// Given with --accepted (then it must exist), rather than the default at the project root.
    private bool Named { get; }

    public static AcceptedFile Locate(string? option, string root)
    {
        var full = Path.GetFullPath(option ?? Path.Combine(root, AcceptedFindings.FileName));
        var rel = Path.GetRelativePath(root, full);
        var inside = !rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel);
        return new AcceptedFile(root, full, inside ? rel.Replace('\\', '/') : full, option != null);
    }

    /// The accepted findings in force. In PR mode the base commit's copy and before a commit HEAD's: a change cannot
    /// accept its own findings. A file outside the git working tree is not part of the change and is read as it is.
    /// A missing default file accepts nothing, as does a missing named one that --update-accepted is about to create.
    public AcceptedFindings Load(string? baseCommit, bool staged, bool creating)
    {
        if (baseCommit != null || staged)
        {
            using var git = GitRepository.Open(_root);
            var rel = Path.GetRelativePath(git.WorkDir, Full);
            if (!rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel))
            {
                rel = rel.Replace('\\', '/');
                LibGit2Sharp.Commit commit;
                try { commit = git.Resolve(baseCommit ?? "HEAD"); }
                catch (GitException) when (staged) { return AcceptedFindings.Empty; }   // before the first commit
                var at = baseCommit != null ? $"the base {baseCommit[..7]}" : "HEAD";
                return GitRepository.ReadText(commit, rel) is { } text ? AcceptedFindings.Parse(text, $"{Name} at {at}") : AcceptedFindings.Empty;
            }
        }
        if (InputFile.Kind(Full) == FileKind.Missing)
            return Named && !creating ? throw new AcceptedFindingsException($"accepted findings file '{Name}' does not exist") : AcceptedFindings.Empty;
        return AcceptedFindings.Load(Full);
    }

    /// --update-accepted (every current finding of the analysed files) or --prune-accepted (only those still found):
    /// the new file's content, with what changed for the user.
    public (AcceptedFindings Accepted, string Summary) Rewrite(AcceptedFindings current, AnalysisResult result, bool update,
        IReadOnlySet<string> needsApproval)
    {
        var analysed = result.Discovery.Files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var fresh = update ? AcceptedFindings.From(result.Findings, needsApproval) : current.Prune(result.Findings, needsApproval);
        var next = current.Rewrite(fresh, analysed, path => File.Exists(Path.Combine(_root, path)));
        var before = current.Entries.Select(e => (e.Path, e.Rule, e.Fingerprint)).ToHashSet();
        var after = next.Entries.Select(e => (e.Path, e.Rule, e.Fingerprint)).ToHashSet();
        var files = next.Entries.Select(e => e.Path).Distinct().Count();
        return (next, $"{Name}: {CommandSupport.Plural(next.Count, "finding")} accepted in {CommandSupport.Plural(files, "file")} " +
                      $"({after.Count(k => !before.Contains(k))} added, {before.Count(k => !after.Contains(k))} removed)");
    }
}
