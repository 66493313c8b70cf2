namespace MetaLint.Core.IO;

/// Paths that come from repository content (git entry names, sfdx-project.json directories, symlink targets) are
/// hostile: each is checked against the root it must stay in before anything is read or written through it.
internal static class ContainedPath
{
    /// Why name is not a safe relative path inside a root, or null when it is: forward-slash components only, none
    /// empty, "." or "..", no backslash, no drive or absolute form, no control character.
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "it is empty";
        if (name[0] == '/' || Path.IsPathRooted(name) || (name.Length >= 2 && name[1] == ':'))
            return "it is an absolute or drive-rooted path";
        if (name.Contains('\\')) return "it contains a backslash";
        if (name.Any(char.IsControl)) return "it contains a control character";
        foreach (var part in name.Split('/'))
            if (part is "" or "." or "..") return "it has an empty, '.' or '..' component";
        return null;
    }

    /// root joined with the checked relative name; throws when the name is unsafe (see Problem).
    public static string Join(string root, string name)
    {
        if (Problem(name) is { } problem) throw new ArgumentException($"'{name}': {problem}", nameof(name));
        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!IsUnder(root, full)) throw new ArgumentException($"'{name}' leaves {root}", nameof(name));
        return full;
    }

    /// full is root or below it (lexically, no link resolved).
    public static bool IsUnder(string root, string full)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(full));
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
               (root == Path.GetPathRoot(root) && full.StartsWith(root, StringComparison.Ordinal));
    }

    /// The real path of path: every symbolic link on the way resolved, as realpath(3) does. Missing components
    /// are kept as written; null for a link loop (more than 40 links).
    public static string? Real(string path)
    {
        var pending = new Stack<string>(Path.GetFullPath(path)[Path.GetPathRoot(Path.GetFullPath(path))!.Length..]
            .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = Path.GetPathRoot(Path.GetFullPath(path))!;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }
            var next = Path.Combine(resolved, part);
            string? target = null;
            try { target = new FileInfo(next).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            if (target == null)
            {
                resolved = next;
                continue;
            }
            if (++links > 40) return null;
            if (Path.IsPathRooted(target)) resolved = Path.GetPathRoot(target)!;
            foreach (var t in target[(Path.IsPathRooted(target) ? Path.GetPathRoot(target)!.Length : 0)..]
                         .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                pending.Push(t);
        }
        return resolved;
    }

    /// path's real location is root's real location or below it; false for a link loop.
    public static bool ResolvesUnder(string root, string path) =>
        Real(root) is { } realRoot && Real(path) is { } real && IsUnder(realRoot, real);
}
