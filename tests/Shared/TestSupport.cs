// Linked into every test project (tests/Shared): one repository-root finder, one temp-folder helper, one marker regex.
using System.Text;
using System.Text.RegularExpressions;

namespace MetaLint.Tests.Support;

/// Paths inside the repository: the folder holding MetaLint.sln, found upwards from the test binary.
public static class RepoRoot
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MetaLint.sln")))
                return dir.FullName;
        throw new InvalidOperationException("MetaLint.sln not found above " + AppContext.BaseDirectory);
    }
}

/// A fresh folder under the system temp folder, deleted with everything in it (read-only or chmod 000 entries too).
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "metalint-test-") => Root = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Root { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// Writes UTF-8 text (no byte order mark) to a path relative to Root, creating folders; returns the full path.
    public string Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            if (!Directory.Exists(Root)) return;
            MakeDeletable(new DirectoryInfo(Root));
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// Gives the owner access back (tests chmod 000) and clears read-only (git's pack files); never follows links.
    private static void MakeDeletable(DirectoryInfo dir)
    {
        if (!OperatingSystem.IsWindows()) dir.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var entry in dir.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget != null) continue;
            if (entry is DirectoryInfo sub) MakeDeletable(sub);
            else
            {
                if (!OperatingSystem.IsWindows()) entry.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite;
                entry.Attributes &= ~FileAttributes.ReadOnly;
            }
        }
    }
}

/// `<!-- expect: ML1001 -->` (or several ids, comma- or space-separated) marks the line a finding starts on.
public static partial class ExpectMarker
{
    [GeneratedRegex(@"<!--\s*expect:\s*((?:ML\d{4}[\s,]*)+?)\s*-->")]
    private static partial Regex Pattern();

    /// The rule ids marked on one line, in order; empty when the line has no marker.
    public static IReadOnlyList<string> Ids(string line) =>
        [.. Pattern().Matches(line).SelectMany(m => m.Groups[1].Value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))];
}
