using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using MetaLint.Core.Discovery;
using MetaLint.Core.IO;

namespace MetaLint.Git;

/// A git entry the snapshot refused to write, and why (its name would leave the snapshot, it is too large).
internal sealed record RefusedEntry(string Name, string Reason);

/// A temporary copy of part of the repository, mirroring its layout. Every file and link in it is written through
/// Write/WriteLink, which accept only names that stay inside the folder; it is deleted on Dispose, on Ctrl+C or
/// SIGTERM, and a later run sweeps one left behind by a killed process.
internal sealed class Snapshot : IDisposable
{
    /// Folder-name prefix and the marker file inside: the sweep deletes only folders carrying both.
    public const string Prefix = "metalint-snapshot-";
    public const string Marker = ".metalint-snapshot";

    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);
    private static int _hooked;
    private readonly string _realFolder;
    private bool _hasLinks;

    public Snapshot(string workDir, long limit)
    {
        Hook();
        SweepStale(Path.GetTempPath(), TimeSpan.FromDays(1));
        WorkDir = workDir;
        Limit = limit;
        Folder = Directory.CreateTempSubdirectory(Prefix).FullName;
        Live[Folder] = 0;
        File.WriteAllText(Path.Combine(Folder, Marker), "created by MetaLint; deleted when the run ends\n");
        _realFolder = ContainedPath.Real(Folder) ?? Folder;
    }

    public string WorkDir { get; }
    public string Folder { get; }

    /// Largest blob written (--max-file-size); a larger one is refused.
    public long Limit { get; }

    /// Entries not written, in the order met.
    public List<RefusedEntry> Refused { get; } = [];

    public void Dispose()
    {
        Delete(Folder);
        Live.TryRemove(Folder, out _);
    }

    /// Opens the snapshot file for the repository-relative name, creating its folders, or returns null (and records
    /// why) when the name is unsafe or its folder resolves outside the snapshot through a link written earlier.
    public FileStream? Create(string name, long size)
    {
        if (Target(name) is not { } full) return null;
        if (size > Limit)
        {
            Refused.Add(new RefusedEntry(name, string.Create(CultureInfo.InvariantCulture,
                $"it is {size:N0} bytes, over the {Limit:N0}-byte limit (--max-file-size)")));
            return null;
        }
        return new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
    }

    /// Writes a symbolic link entry as a link with the same target text. Where it points is judged by discovery,
    /// like any link in a working tree (followed inside the analysed root, reported as ML0002 outside it).
    public void WriteLink(string name, string target)
    {
        if (Target(name) is not { } full) return;
        if (target.Length == 0 || target.Contains('\0') || target.Any(char.IsControl))
        {
            Refused.Add(new RefusedEntry(name, "it is a symbolic link with an unusable target"));
            return;
        }
        try
        {
            File.CreateSymbolicLink(full, target);
            _hasLinks = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Refused.Add(new RefusedEntry(name, $"it is a symbolic link that could not be recreated ({e.Message})"));
        }
    }

    private string? Target(string name)
    {
        if (ContainedPath.Problem(name) is { } problem)
        {
            Refused.Add(new RefusedEntry(name, $"its name is not a safe path ({problem})"));
            return null;
        }
        var full = ContainedPath.Join(Folder, name);
        var dir = Path.GetDirectoryName(full)!;
        if (_hasLinks && !ContainedPath.ResolvesUnder(_realFolder, dir))
        {
            Refused.Add(new RefusedEntry(name, "its folder is a symbolic link out of the repository"));
            return null;
        }
        Directory.CreateDirectory(dir);
        if (_hasLinks && (Path.Exists(full) || new FileInfo(full).LinkTarget != null))
        {
            Refused.Add(new RefusedEntry(name, "another entry already has this name"));
            return null;
        }
        return full;
    }

    /// Discovers the snapshot's counterparts of root and paths; paths it does not hold are skipped.
    public DiscoveryResult Discover(Discoverer discoverer, string root, IReadOnlyList<string> paths)
    {
        var mappedRoot = Map(root);
        Directory.CreateDirectory(mappedRoot);
        var mapped = (paths.Count > 0 ? paths : [root]).Select(Map)
            .Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        return mapped.Count == 0
            ? new DiscoveryResult(mappedRoot, [], [])
            : discoverer.Discover(mappedRoot, mapped);
    }

    private string Map(string path)
    {
        var rel = Path.GetRelativePath(WorkDir, Path.GetFullPath(path));
        if (rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel))
            throw new GitException($"{path} is outside the git working tree {WorkDir}");
        return Path.GetFullPath(Path.Combine(Folder, rel));
    }

    /// Deletes snapshot folders under temp older than age that carry the marker: left by a run that was killed.
    public static void SweepStale(string temp, TimeSpan age)
    {
        try
        {
            foreach (var dir in new DirectoryInfo(temp).EnumerateDirectories(Prefix + "*"))
                if (dir.LinkTarget == null && File.Exists(Path.Combine(dir.FullName, Marker)) &&
                    DateTime.UtcNow - dir.LastWriteTimeUtc > age)
                    Delete(dir.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }   // a sweep never fails the run
    }

    private static void Delete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }   // removes links, never follows them
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }   // a leftover temp folder never fails the run
    }

    /// Ctrl+C and SIGTERM end the process without running Dispose: delete the live snapshots first.
    private static void Hook()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteLive();
        if (OperatingSystem.IsWindows() || OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
        }
    }

    private static readonly List<PosixSignalRegistration> Registrations = [];

    /// Test hook, so the signal test is not a race against a fast run: when METALINT_TEST_HOLD_SNAPSHOT names a
    /// file, the run creates it once its snapshot is written and then waits there until it is signalled.
    internal void HoldIfAsked()
    {
        if (Environment.GetEnvironmentVariable("METALINT_TEST_HOLD_SNAPSHOT") is not { Length: > 0 } flag) return;
        File.WriteAllText(flag, Folder);
        Thread.Sleep(Timeout.Infinite);
    }

    private static void OnSignal(PosixSignalContext context)
    {
        DeleteLive();   // the default action (ending the process) follows
    }

    private static void DeleteLive()
    {
        foreach (var folder in Live.Keys)
        {
            Delete(folder);
            Live.TryRemove(folder, out _);
        }
    }
}
