using MetaLint.Core.IO;

namespace MetaLint.Cli.Commands;

/// The files MetaLint writes (--output, --evidence, `baseline convert OUT`): written whole or not at all.
/// The content goes to a temporary file in the destination folder, which is renamed over the destination only once
/// everything was written and flushed; when the disk fills or a file-size limit hits, the temporary file is removed
/// and the destination is left as it was (a gate must never leave a truncated, unparseable report behind).
internal static class OutputFile
{
    /// Why path cannot be a destination, or null. what names the argument ("--output"); inputs are the files the
    /// run reads (an output must never overwrite one); others are the run's other outputs.
    public static string? Problem(string path, string what, IEnumerable<string> inputs, IEnumerable<string?> others)
    {
        if (string.IsNullOrWhiteSpace(path)) return $"{what} needs a file name";
        string full;
        try { full = RealPath(path); }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return $"{what} '{path}' is not a usable path: {e.Message}";
        }
        switch (InputFile.Kind(path, followLinks: false))
        {
            case FileKind.Symlink:
                return $"{what} '{path}' is a symbolic link; MetaLint does not write through links (give the target itself)";
            case FileKind.Directory:
                return $"{what} '{path}' is a folder, not a file";
        }
        if (others.OfType<string>().Any(o => !string.IsNullOrWhiteSpace(o) && SamePath(o, full)))
            return $"{what} '{path}' is also another output of this run";
        if (inputs.Any(i => SamePath(i, full)))
            return $"{what} '{path}' is one of the files this run reads; it was not overwritten";
        return null;
    }

    /// Writes path whole or not at all. Throws IOException naming path when it cannot.
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.metalint-tmp");
        try
        {
            if (InputFile.Kind(path) == FileKind.Special)
            {
                // A device (/dev/null) cannot be replaced by a rename; it has no partial content to leave behind.
                using var device = new FileStream(path, FileMode.Open, FileAccess.Write);
                write(device);
                return;
            }
            Directory.CreateDirectory(dir);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                // A writer may have closed the stream already (which flushed it); otherwise flush to the disk now.
                if (stream.CanWrite) stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Remove(temp);
            throw new IOException($"cannot write {path}: {e.Message}; nothing was written", e);
        }
        catch
        {
            // Anything else write threw (a streamed analysis runs while its report is written): the run fails with
            // that error, and the destination stays as it was.
            Remove(temp);
            throw;
        }
    }

    private static void Remove(string temp)
    {
        try { File.Delete(temp); }
        catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { /* the run's own error is reported */ }
    }

    private static bool SamePath(string candidate, string full)
    {
        try { return string.Equals(RealPath(candidate), full, StringComparison.Ordinal); }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { return false; }
    }

    /// The absolute path with every symlinked folder on the way resolved, so `out/x` and `link-to-out/x` compare
    /// equal. The last component is kept as written (a link there is refused before this matters).
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (dir == null) return full;
        var resolved = Path.GetPathRoot(dir)!;
        foreach (var part in dir[resolved.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            var info = new DirectoryInfo(next);
            resolved = info.LinkTarget != null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? Path.GetFullPath(target.FullName)
                : next;
        }
        return Path.Combine(resolved, Path.GetFileName(full));
    }
}
