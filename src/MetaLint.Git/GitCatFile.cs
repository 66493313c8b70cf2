using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MetaLint.Git;

/// Streams blobs out of the repository through one `git cat-file --batch` process. libgit2 (LibGit2Sharp's
/// Blob.GetContentStream) inflates a whole blob in memory; git streams a loose object, and a packed one that is not
/// a delta when it is over core.bigFileThreshold (set low here), so a 200 MB blob costs a 64 KB buffer.
/// The process is started with an argument list (no shell), from the git found on PATH (absolute entries only: never
/// a `git` in the current folder, which may be the checkout under review), with no filters or text conversion, no
/// replace refs (libgit2 ignores them, and the staged-copy hash must name the same bytes), no fsmonitor and no lazy
/// fetch. Any failure (no git, a refused repository, a size or type that disagrees with libgit2's header, a broken
/// pipe) returns false and the caller falls back to libgit2.
internal sealed class GitCatFile : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly byte[] _buffer = new byte[64 * 1024];

    private GitCatFile(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
    }

    /// The git executable on PATH, or null. Relative PATH entries (".", "") are skipped.
    internal static string? Executable { get; } =
        FindOnPath(OperatingSystem.IsWindows() ? "git.exe" : "git", Environment.GetEnvironmentVariable("PATH"));

    internal static string? FindOnPath(string name, string? pathVariable)
    {
        foreach (var dir in (pathVariable ?? "").Split(Path.PathSeparator))
        {
            if (!Path.IsPathFullyQualified(dir)) continue;
            var candidate = Path.Combine(dir, name);
            if (!File.Exists(candidate)) continue;
            if (OperatingSystem.IsWindows() ||
                (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
                return candidate;
        }
        return null;
    }

    /// Starts `git cat-file --batch` on the repository's git folder, or returns null when git cannot be started.
    internal static GitCatFile? Start(string gitDir, string? git = null)
    {
        git ??= Executable;
        if (git == null) return null;
        var info = new ProcessStartInfo(git)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = gitDir,
        };
        foreach (var arg in new[]
                 {
                     "--git-dir=" + gitDir, "--no-replace-objects",
                     "-c", "core.fsmonitor=false", "-c", "core.bigFileThreshold=512k",
                     "cat-file", "--batch",
                 })
            info.ArgumentList.Add(arg);
        info.Environment["GIT_NO_LAZY_FETCH"] = "1";      // git 2.45+: never fetch a missing object from a promisor remote
        info.Environment["GIT_NO_REPLACE_OBJECTS"] = "1";
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            var process = Process.Start(info);
            if (process == null) return null;
            process.ErrorDataReceived += (_, _) => { };   // drained and dropped: a full stderr pipe must not block git
            process.BeginErrorReadLine();
            return new GitCatFile(process);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    /// Copies exactly size bytes of the blob into sink; false (this reader is then unusable, and sink may hold part
    /// of the blob) when git does not answer with a blob of that size.
    internal bool TryCopy(string objectId, long size, Stream sink)
    {
        try
        {
            _input.Write(Encoding.ASCII.GetBytes(objectId + "\n"));
            _input.Flush();
            if (ReadHeader() != $"{objectId} blob {size.ToString(CultureInfo.InvariantCulture)}") return false;
            var left = size;
            while (left > 0)
            {
                var n = _output.Read(_buffer, 0, (int)Math.Min(_buffer.Length, left));
                if (n == 0) return false;
                sink.Write(_buffer, 0, n);
                left -= n;
            }
            return _output.ReadByte() == '\n';
        }
        catch (IOException)
        {
            return false;   // git ended or the pipe broke
        }
    }

    /// The answer's header line ("<oid> blob <size>", "<oid> missing"), at most 256 bytes.
    private string? ReadHeader()
    {
        var line = new StringBuilder();
        while (line.Length < 256)
        {
            var b = _output.ReadByte();
            if (b < 0) return null;
            if (b == '\n') return line.ToString();
            line.Append((char)b);
        }
        return null;
    }

    public void Dispose()
    {
        try
        {
            _input.Dispose();   // end of input: git exits
            if (!_process.WaitForExit(2000)) _process.Kill();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
        _process.Dispose();
    }
}
