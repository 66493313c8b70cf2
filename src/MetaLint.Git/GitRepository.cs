using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;
using MetaLint.Core.Discovery;
using MetaLint.Core.IO;
using MetaLint.Core.Reporting;

namespace MetaLint.Git;

/// A git problem the user must fix (bad ref, not a repository): exit code 2.
internal sealed class GitException(string message) : Exception(message);

/// Reads commits, the index and their blobs through LibGit2Sharp; never checks anything out.
internal sealed class GitRepository : IDisposable
{
    private readonly Repository _repo;
    private GitCatFile? _catFile;
    private bool _catFileFailed;

    private GitRepository(Repository repo) => _repo = repo;

    /// Blobs of at least this many bytes are streamed through `git cat-file` when git is on PATH; smaller ones are
    /// read by libgit2 in process (no subprocess for a one-file pre-commit run; their memory does not matter).
    internal long StreamThreshold { get; set; } = 1024 * 1024;

    /// The git executable used for streaming; null reads every blob through libgit2 (tests set it).
    internal string? GitExecutable { get; set; } = GitCatFile.Executable;

    static GitRepository()
    {
        // libgit2 re-hashes every object it reads (SHA-1DC, slow): most of the cost of reading a 2 MB blob.
        // We only read objects of the user's own local repository, as git itself does without verifying.
        GlobalSettings.SetStrictHashVerification(false);
    }

    /// Opens the repository holding path, or throws GitException.
    public static GitRepository Open(string path)
    {
        // Not libgit2's Repository.Discover: its path marshaller fails in the NativeAOT build.
        var full = Path.GetFullPath(path);
        var found = Discoverer.GitTop(Directory.Exists(full) ? full : Path.GetDirectoryName(full)!);
        if (found == null) throw new GitException($"not a git repository (or any parent): {path}");
        var repo = new Repository(found);
        if (repo.Info.IsBare) throw new GitException("a bare repository has no working tree to analyse");
        return new GitRepository(repo);
    }

    public string WorkDir => Path.TrimEndingDirectorySeparator(_repo.Info.WorkingDirectory);

    public void Dispose()
    {
        _catFile?.Dispose();
        _repo.Dispose();
    }

    public Commit Resolve(string gitRef)
    {
        var obj = _repo.Lookup(gitRef) ?? throw new GitException($"unknown git revision '{gitRef}'");
        return obj.Peel<Commit>() ?? throw new GitException($"'{gitRef}' does not name a commit");
    }

    public CommitInfo? Head => _repo.Head.Tip is { } tip ? Info(tip) : null;

    /// The origin remote, HEAD's commit and branch; null without a commit or a usable origin URL.
    public VersionControl? Provenance()
    {
        if (_repo.Head.Tip is not { } tip) return null;
        var origin = VersionControl.RepositoryUri(_repo.Network.Remotes["origin"]?.Url);
        return origin == null ? null : new VersionControl(origin, tip.Sha, _repo.Info.IsHeadDetached ? null : _repo.Head.FriendlyName);
    }

    public static CommitInfo Info(Commit c) => new(c.Sha, c.Author.Name, c.Author.Email, c.Author.When,
        c.Committer.Name, c.Committer.Email, c.Committer.When, c.MessageShort);

    /// Paths (repository-relative, forward slashes) that differ between the commit and the working tree,
    /// counting committed, staged, unstaged and untracked changes; renames give both paths.
    public HashSet<string> ChangedSince(Commit baseCommit)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (_repo.Head.Tip is { } tip)
            foreach (var c in _repo.Diff.Compare<TreeChanges>(baseCommit.Tree, tip.Tree))
            {
                changed.Add(c.Path);
                changed.Add(c.OldPath);
            }
        foreach (var entry in _repo.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true }))
            if (entry.State != FileStatus.Unaltered && entry.State != FileStatus.Ignored)
            {
                changed.Add(entry.FilePath);
                if (entry.HeadToIndexRenameDetails?.OldFilePath is { } old) changed.Add(old);
                if (entry.IndexToWorkDirRenameDetails?.OldFilePath is { } older) changed.Add(older);
            }
        return changed;
    }

    /// Paths whose staged (index) content differs from HEAD: added, modified, renamed or copied, not deleted.
    public HashSet<string> StagedPaths()
    {
        var staged = new HashSet<string>(StringComparer.Ordinal);
        var changes = _repo.Diff.Compare<TreeChanges>(_repo.Head.Tip?.Tree, DiffTargets.Index);
        foreach (var c in changes)
            if (c.Status is ChangeKind.Added or ChangeKind.Modified or ChangeKind.Renamed or ChangeKind.Copied or ChangeKind.TypeChanged)
                staged.Add(c.Path);
        return staged;
    }

    /// Writes the commit's metadata files (and project files) into the snapshot; keep limits it to those paths.
    public void WriteTree(Commit commit, Snapshot snapshot, IReadOnlySet<string>? keep = null)
    {
        foreach (var (path, entry) in Walk(commit.Tree, ""))
        {
            if (entry.Mode == Mode.SymbolicLink) WriteLink(snapshot, path, entry.Target.Id);
            else if (Wanted(path, keep) && entry.Target is Blob blob) WriteBlob(snapshot, path, blob);
        }
    }

    /// Writes the index (staged) version of the given paths, plus the project files, into the snapshot. A working
    /// file whose bytes are the staged blob (git's object id of its content matches; what pre-commit and lint-staged
    /// leave behind) is copied from the working tree instead: libgit2 would inflate the blob three times (lookup,
    /// size, content). Anything else (edited since staging, skip-worktree, clean filters) comes from the blob.
    public void WriteIndex(Snapshot snapshot, IReadOnlySet<string> keep)
    {
        foreach (var entry in _repo.Index)
        {
            var path = entry.Path;
            if (entry.Mode == Mode.SymbolicLink)
            {
                WriteLink(snapshot, path, entry.Id);
                continue;
            }
            if (!Wanted(path, keep)) continue;   // decide before loading: a pre-commit run reads only what it needs
            if (entry.Mode is not (Mode.NonExecutableFile or Mode.ExecutableFile)) continue;
            var size = Size(entry.Id);
            using var sink = snapshot.Create(path, size);
            if (sink == null || CopyIfStaged(Path.Combine(WorkDir, path), sink, entry.Id.Sha, size, snapshot.Limit))
                continue;
            sink.SetLength(0);   // never leave the refused working copy standing in for the blob
            Copy(entry.Id, size, sink);
        }
    }

    /// Copies source into target while hashing what was copied as a git blob; true when that hash is objectId.
    /// Hashing the bytes actually copied leaves no window for a concurrent edit (lint-staged runs tasks in parallel).
    /// Only a regular file of exactly size bytes is read, and never more than size bytes of it: a working copy
    /// that is a FIFO, a link to /dev/zero or grows while read is abandoned (false) and the blob is used instead.
    internal static bool CopyIfStaged(string source, Stream target, string objectId, long size, long limit)
    {
        try
        {
            using var hash = IncrementalHash.CreateHash(objectId.Length == 64 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
            using var input = InputFile.OpenRead(source, Math.Min(size, limit), "staged file", FileShare.ReadWrite | FileShare.Delete);
            if (input.Length != size) return false;
            hash.AppendData(Encoding.ASCII.GetBytes($"blob {size}\0"));
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = input.Read(buffer)) > 0)   // the bounded stream throws past size bytes
            {
                hash.AppendData(buffer, 0, n);
                target.Write(buffer, 0, n);
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset()) == objectId;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;   // unreadable, gone, not a regular file or grown: the blob is the staged content anyway
        }
    }

    private static IEnumerable<(string Path, TreeEntry Entry)> Walk(Tree tree, string prefix)
    {
        foreach (var entry in tree)
        {
            var path = prefix + entry.Name;
            if (entry.TargetType == TreeEntryTargetType.Tree)
                foreach (var child in Walk((Tree)entry.Target, path + "/")) yield return child;
            else if (entry.TargetType == TreeEntryTargetType.Blob)
                yield return (path, entry);
        }
    }

    /// Streams the blob into the snapshot; a blob over the limit is refused from its header, before it is read.
    private void WriteBlob(Snapshot snapshot, string path, Blob blob)
    {
        var size = Size(blob.Id);
        using var sink = snapshot.Create(path, size);
        if (sink != null) Copy(blob.Id, size, sink);
    }

    /// Copies the blob of size bytes (from its header) into sink: streamed by git when it is large and git works,
    /// otherwise inflated by libgit2. A failed git copy is discarded and git is not asked again in this run.
    private void Copy(ObjectId id, long size, Stream sink)
    {
        if (size >= StreamThreshold && !_catFileFailed && GitExecutable != null)
        {
            _catFile ??= GitCatFile.Start(_repo.Info.Path, GitExecutable);
            if (_catFile != null && _catFile.TryCopy(id.Sha, size, sink)) return;
            _catFileFailed = true;
            _catFile?.Dispose();
            _catFile = null;
            sink.SetLength(0);
            sink.Position = 0;
        }
        if (_repo.Lookup<Blob>(id) is not { } blob) return;
        using var source = blob.GetContentStream();
        source.CopyTo(sink);
    }

    /// The object's size from its header, without inflating it; 0 when it is missing.
    private long Size(ObjectId id)
    {
        try { return _repo.ObjectDatabase.RetrieveObjectMetadata(id).Size; }
        catch (LibGit2SharpException) { return 0; }
    }

    /// A symbolic link entry: its blob is the target text (git caps it at PATH_MAX).
    private void WriteLink(Snapshot snapshot, string path, ObjectId id)
    {
        if (Size(id) > 4096 || _repo.Lookup<Blob>(id) is not { } blob)
        {
            snapshot.Refused.Add(new RefusedEntry(path, "it is a symbolic link with an unusable target"));
            return;
        }
        snapshot.WriteLink(path, blob.GetContentText());
    }

    /// Project files always; metadata files when no keep-list is given or they are on it.
    private static bool Wanted(string path, IReadOnlySet<string>? keep)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name is ProjectLayout.FileName or ".forceignore") return true;
        var metadata = SuffixTable.Recognise(name) != null ||
                       name.EndsWith(SuffixTable.SourceSuffix, StringComparison.OrdinalIgnoreCase);
        return metadata && (keep == null || keep.Contains(path));
    }

    /// The text of path (repository-relative, forward slashes) in the commit, or null when it holds no such file.
    /// Bounded like a configuration file: a larger blob is a GitException.
    public static string? ReadText(Commit commit, string path)
    {
        if (commit[path] is not { TargetType: TreeEntryTargetType.Blob, Target: Blob blob }) return null;
        if (blob.Size > MetaLint.Core.IO.InputFile.DefaultConfigLimit)
            throw new GitException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{path} at {commit.Sha[..7]} is {blob.Size:N0} bytes, over the {MetaLint.Core.IO.InputFile.DefaultConfigLimit:N0}-byte limit"));
        using var reader = new StreamReader(blob.GetContentStream(), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// The commits reachable from HEAD but not from baseCommit, oldest first: what a pull request adds.
    public IReadOnlyList<Commit> CommitsSince(Commit baseCommit) => _repo.Head.Tip == null ? [] :
        _repo.Commits.QueryBy(new CommitFilter
        {
            IncludeReachableFrom = _repo.Head.Tip,
            ExcludeReachableFrom = baseCommit,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        }).ToList();

    /// True when the commit gave path content none of its parents had (git's TREESAME test): it authored that
    /// version of the file, rather than merging it from a parent.
    public static bool Changes(Commit commit, string path)
    {
        var id = commit[path]?.Target.Id;
        return commit.Parents.All(p => p[path]?.Target.Id != id) && !(id == null && !commit.Parents.Any());
    }

    /// Every path the index changes relative to HEAD, deleted and renamed-from paths included: the HEAD side of a
    /// pre-commit comparison.
    public HashSet<string> StagedOrigins()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in _repo.Diff.Compare<TreeChanges>(_repo.Head.Tip?.Tree, DiffTargets.Index))
        {
            paths.Add(c.Path);
            paths.Add(c.OldPath);
        }
        return paths;
    }
}
