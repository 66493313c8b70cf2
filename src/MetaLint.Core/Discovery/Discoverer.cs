using MetaLint.Core.IO;
using MetaLint.Core.Model;

namespace MetaLint.Core.Discovery;

/// The files to analyse, relative to Root, in ordinal path order, plus anything worth telling the user.
internal sealed record DiscoveryResult(string Root, IReadOnlyList<SourceFile> Files, IReadOnlyList<string> Warnings)
{
    /// Symbolic links whose target leaves the root: not followed, reported by ML0002.
    public IReadOnlyList<EscapingSymlink> Symlinks { get; init; } = [];

    /// Metadata files that were found but cannot be analysed (an unsafe git entry name): reported by ML0001.
    public IReadOnlyList<ParseFailure> Refused { get; init; } = [];
}

/// Walks the given paths and keeps the metadata files MetaLint reads (stage 1 of the pipeline).
internal sealed class Discoverer
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", ".sf", ".sfdx", "node_modules", ".vscode", ".idea",
    };

    private readonly IReadOnlyList<string> _excludes;

    /// <param name="excludes">Extra gitignore-style patterns (rules.yml `exclude`) on top of .forceignore.</param>
    public Discoverer(IReadOnlyList<string>? excludes = null) => _excludes = excludes ?? [];

    /// The analysed root: the nearest folder at or above the first path holding sfdx-project.json; else the top
    /// of the git working tree holding it; else that path when it is a folder; else the current folder when the
    /// file is below it; else the file's folder.
    public static string FindRoot(IReadOnlyList<string> paths) => FindRoot(paths, null);

    /// As FindRoot(paths), but outside any project or git tree the root is fallback instead of one derived from
    /// the current folder (the language server's current folder is whatever the editor chose).
    /// With several paths whose roots differ (two projects side by side), the root is the deepest folder holding all of
    /// them, so that no report path has to climb out of it ("../").
    public static string FindRoot(IReadOnlyList<string> paths, string? fallback)
    {
        if (paths.Count < 2) return RootOf(paths.Count > 0 ? paths[0] : ".", fallback);
        var roots = paths.Select(p => RootOf(p, fallback)).Distinct(StringComparer.Ordinal).ToList();
        return roots.Count == 1 ? roots[0] : roots.Aggregate(CommonAncestor);
    }

    private static string CommonAncestor(string a, string b)
    {
        var dir = a;
        while (Path.GetDirectoryName(dir) is { } parent &&
               !(b + Path.DirectorySeparatorChar).StartsWith(Path.TrimEndingDirectorySeparator(dir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            dir = parent;
        return dir;
    }

    private static string RootOf(string path, string? fallback)
    {
        var first = Path.GetFullPath(path);
        var isDir = Directory.Exists(first);
        var start = isDir ? first : Path.GetDirectoryName(first) ?? first;
        if (Ancestor(start, dir => File.Exists(Path.Combine(dir, ProjectLayout.FileName))) is { } project) return project;
        if (GitTop(start) is { } gitTop) return gitTop;
        if (fallback != null) return fallback;
        if (isDir) return first;
        var cwd = Directory.GetCurrentDirectory();
        return first.StartsWith(Path.TrimEndingDirectorySeparator(cwd) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? cwd
            : start;
    }

    /// The top of the git working tree holding the folder (where .git is), or null outside git.
    public static string? GitTop(string folder) => Ancestor(folder, dir => Path.Exists(Path.Combine(dir, ".git")));

    /// The nearest folder at or above start that passes test, or null.
    public static string? Ancestor(string start, Func<string, bool> test)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            if (test(dir.FullName)) return dir.FullName;
        return null;
    }

    /// Finds the files under paths. Report paths are relative to root; each input's sfdx-project.json and
    /// .forceignore come from its project folder (the nearest folder at or above it holding sfdx-project.json),
    /// which need not be the root; rules.yml excludes are relative to the root.
    public DiscoveryResult Discover(string root, IReadOnlyList<string> paths)
    {
        root = Path.GetFullPath(root);
        var warnings = new List<string>();
        var excludes = new IgnoreRules(_excludes);
        var projects = new Dictionary<string, (ProjectLayout Layout, Exclusions Exclusions)>(StringComparer.Ordinal);
        var found = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        var walk = new Walker(root, found, warnings);

        foreach (var input in paths.Count > 0 ? paths : [root])
        {
            var full = Path.GetFullPath(input);
            var isDir = Directory.Exists(full);
            if (!isDir && !File.Exists(full))
            {
                warnings.Add($"path not found: {input}");
                continue;
            }
            var projectDir = Ancestor(isDir ? full : Path.GetDirectoryName(full)!,
                dir => File.Exists(Path.Combine(dir, ProjectLayout.FileName))) ?? root;
            if (!projects.TryGetValue(projectDir, out var project))
            {
                var layout = ProjectLayout.Read(projectDir);
                warnings.AddRange(layout.Problems);
                project = projects[projectDir] = (layout, new Exclusions(root, excludes, projectDir, IgnoreRules.ForceIgnore(projectDir)));
            }
            var exclusions = project.Exclusions;
            if (!isDir)
            {
                if (!exclusions.IsIgnored(full, false)) walk.Add(full);
                continue;
            }
            var starts = PathsEqual(full, projectDir) && project.Layout.PackageDirectories.Count > 0
                ? project.Layout.PackageDirectories.Select(d => Path.GetFullPath(Path.Combine(projectDir, d)))
                : [full];
            foreach (var start in starts)
            {
                if (!Directory.Exists(start) && new DirectoryInfo(start).LinkTarget == null)
                    warnings.Add($"package directory '{Relative(root, start)}' does not exist");
                else if (!exclusions.IsIgnored(start, true))
                    walk.Walk(start, exclusions);
            }
        }

        var files = found.Values.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        return new DiscoveryResult(root, files, warnings)
        {
            Symlinks = walk.Symlinks.OrderBy(l => l.Location.File.RelativePath, StringComparer.Ordinal).ToList(),
        };
    }

    /// rules.yml excludes (relative to the root) plus a project's .forceignore (relative to its folder).
    private sealed class Exclusions(string root, IgnoreRules excludes, string projectDir, IgnoreRules forceignore)
    {
        /// The path or any folder above it is excluded.
        public bool IsIgnored(string full, bool isDir) =>
            excludes.IsIgnored(Relative(root, full), isDir) ||
            (Inside(projectDir, full) && forceignore.IsIgnored(Relative(projectDir, full), isDir));

        /// One entry of a walk whose parent folders were already checked.
        public bool IsIgnoredEntry(string full, bool isDir) =>
            excludes.IsIgnoredEntry(Relative(root, full), isDir) ||
            (Inside(projectDir, full) && forceignore.IsIgnoredEntry(Relative(projectDir, full), isDir));

        private static bool Inside(string dir, string full) =>
            full.StartsWith(Path.TrimEndingDirectorySeparator(dir) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// Walks folders below the root. A symbolic link (file or folder) is followed only when its real target is
    /// inside the root's real location; otherwise it is recorded for ML0002 and its content is never read. A folder
    /// is walked once by its real path, so link loops end.
    private sealed class Walker(string root, Dictionary<string, SourceFile> found, List<string> warnings)
    {
        private readonly string? _realRoot = ContainedPath.Real(root);
        private readonly HashSet<string> _walked = new(StringComparer.Ordinal);

        public List<EscapingSymlink> Symlinks { get; } = [];

        private static readonly EnumerationOptions Options = new()
        {
            IgnoreInaccessible = true,
            RecurseSubdirectories = false,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };

        public void Walk(string dir, Exclusions exclusions)
        {
            if (Contained(dir, out var realDir) != true || !_walked.Add(realDir)) return;
            var pending = new Stack<string>();
            pending.Push(dir);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                IEnumerable<FileSystemInfo> entries;
                try { entries = new DirectoryInfo(current).EnumerateFileSystemInfos("*", Options).ToList(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    warnings.Add($"cannot read folder {Relative(root, current)}: {e.Message}");
                    continue;
                }
                foreach (var entry in entries)
                {
                    if (entry is DirectoryInfo sub)
                    {
                        if (SkippedFolders.Contains(sub.Name) || exclusions.IsIgnoredEntry(sub.FullName, true)) continue;
                        if (!IsLink(sub)) pending.Push(sub.FullName);
                        else if (Contained(sub.FullName, out var real) == true && !Loops(real, current) && _walked.Add(real))
                            pending.Push(sub.FullName);
                    }
                    else if (!exclusions.IsIgnoredEntry(entry.FullName, false))
                    {
                        Add(entry.FullName, IsLink(entry));
                    }
                }
            }
        }

        /// A file named on the command line or met in a walk; a link is kept only when its target is inside.
        public void Add(string full) => Add(full, new FileInfo(full).LinkTarget != null);

        private void Add(string full, bool isLink)
        {
            if (SuffixTable.Recognise(Path.GetFileName(full)) == null &&
                !full.EndsWith(SuffixTable.SourceSuffix, StringComparison.OrdinalIgnoreCase)) return;
            if (isLink && Contained(full, out _) == false) return;   // a looping link: the parser reports it
            AddFile(root, full, Relative(root, full), found);
        }

        /// From the enumeration's own lstat: no extra system call per file.
        private static bool IsLink(FileSystemInfo entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

        /// Whether path really is inside the root; a link out of it is recorded (ML0002), never followed. A link loop
        /// has no real path: null.
        private bool? Contained(string path, out string real)
        {
            var resolved = ContainedPath.Real(path);
            real = resolved ?? "";
            if (resolved == null) return null;
            if (_realRoot != null && ContainedPath.IsUnder(_realRoot, resolved)) return true;
            var file = new SourceFile(path, Relative(root, path),
                SuffixTable.Recognise(Path.GetFileName(path))?.Kind ?? MetadataKind.Profile, Path.GetFileName(path));
            string target;
            try { target = LinkTarget(path) ?? resolved; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { target = resolved; }
            Symlinks.Add(new EscapingSymlink(new SourceLocation(file, SourceSpan.FileStart), target));
            return false;
        }

        /// A folder link to the folder being walked or one above it: following it would walk the same files again.
        private static bool Loops(string realTarget, string current) =>
            ContainedPath.Real(current) is not { } realCurrent || ContainedPath.IsUnder(realTarget, realCurrent);

        /// The target text of the nearest link at or above path (a folder link makes everything below it leave).
        private string? LinkTarget(string path)
        {
            for (var p = path; p != null && p.Length >= root.Length; p = Path.GetDirectoryName(p))
                if (new FileInfo(p).LinkTarget is { } target) return target;
            return null;
        }
    }

    private static void AddFile(string root, string full, string rel, Dictionary<string, SourceFile> found)
    {
        var fileName = Path.GetFileName(full);
        var recognised = SuffixTable.Recognise(fileName);
        var set = FindDecomposedSet(full);
        // A whole-set file (X.permissionset-meta.xml) in a plain sub-folder is its own set; inside a decomposed
        // folder only the folder's own <Folder>.permissionset-meta.xml belongs to it.
        if (set != null && recognised is { } whole &&
            !(whole.Kind == MetadataKind.PermissionSet && whole.RawName == Path.GetFileName(set)))
            set = null;
        if (set != null)
        {
            if (!fileName.EndsWith(SuffixTable.SourceSuffix, StringComparison.OrdinalIgnoreCase)) return;
            var setName = SuffixTable.DecodeName(Path.GetFileName(set));
            found[rel] = new SourceFile(full, rel, MetadataKind.PermissionSet, setName, Relative(root, set));
            return;
        }
        if (recognised is not { } hit) return;
        found[rel] = new SourceFile(full, rel, hit.Kind, SuffixTable.DecodeName(hit.RawName));
    }

    /// The folder of a decomposed permission set holding this file, if any. A folder is a decomposed set when it
    /// holds "&lt;Folder&gt;.permissionset-meta.xml" or sits directly in a "permissionsets" folder.
    private static string? FindDecomposedSet(string fullPath)
    {
        var dir = Path.GetDirectoryName(fullPath);
        for (var depth = 0; depth < 3 && dir != null; depth++, dir = Path.GetDirectoryName(dir))
        {
            var name = Path.GetFileName(dir);
            var parent = Path.GetFileName(Path.GetDirectoryName(dir) ?? "");
            if (parent.Equals("permissionsets", StringComparison.OrdinalIgnoreCase) ||
                File.Exists(Path.Combine(dir, name + ".permissionset" + SuffixTable.SourceSuffix)))
                return dir;
        }
        return null;
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b),
            StringComparison.Ordinal);

    /// Root-relative path with forward slashes; a path outside the root keeps its full form.
    public static string Relative(string root, string full)
    {
        var rel = Path.GetRelativePath(root, full);
        if (rel == ".") return "";
        return rel.Replace('\\', '/');
    }
}
