using System.Globalization;
using System.Runtime.InteropServices;

namespace MetaLint.Core.IO;

/// What a path names, as the file system says, without opening it (opening a FIFO blocks).
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Symlink,
    /// A FIFO, socket, character or block device: never read.
    Special,
}

/// An input was refused before or while it was read (not a regular file, too large). The message names the file.
internal sealed class InputFileException(string message) : IOException(message)
{
    /// The message without the leading "what 'path'" (for a finding that already names the file).
    public string Reason { get; private init; } = message;

    internal static InputFileException For(string what, string path, string reason) =>
        new($"{what} '{path}' {reason}") { Reason = reason };
}

/// The one way MetaLint reads a file that comes from the repository under review: regular files only, bounded.
/// Everything in a repository is hostile input (SECURITY.md): a profile may be a FIFO that blocks forever, a rules.yml
/// a link to /dev/zero, a baseline a 20 GB file; each is refused here with one clear message.
internal static partial class InputFile
{
    /// Default cap for one metadata file (profiles, permission sets, settings, git blobs).
    public const long DefaultMetadataLimit = 256L * 1024 * 1024;

    /// Default cap for a configuration file (rules.yml, .forceignore, sfdx-project.json, baselines, accepted findings).
    public const long DefaultConfigLimit = 8L * 1024 * 1024;

    /// The kind of what path names. followLinks: the kind of the final target of a symlink chain (a dangling or
    /// looping link is Missing); otherwise a symlink is Symlink.
    public static FileKind Kind(string path, bool followLinks = true)
    {
        if (OperatingSystem.IsLinux() && Statx(path, followLinks) is { } linux) return linux;
        if (OperatingSystem.IsMacOS() && MacStat(path, followLinks) is { } mac) return mac;
        return Portable(path, followLinks);
    }

    /// Opens a regular file for reading. Refuses anything else and a file larger than limit; the stream itself
    /// also stops at limit (a file that grows while read, or a /proc file whose size says 0).
    /// what names the file in the message ("rules.yml", "baseline").
    public static Stream OpenRead(string path, long limit, string what, FileShare share = FileShare.Read)
    {
        var kind = Kind(path);
        switch (kind)
        {
            case FileKind.Missing: throw InputFileException.For(what, path, "does not exist");
            case FileKind.Directory: throw InputFileException.For(what, path, "is a folder, not a file");
            case FileKind.Special: throw InputFileException.For(what, path, "is not a regular file (a FIFO, socket or device); it was not read");
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, share, 1, FileOptions.SequentialScan);
        try
        {
            if (stream.Length > limit)
                throw InputFileException.For(what, path, string.Create(CultureInfo.InvariantCulture, $"is {stream.Length:N0} bytes, over the {limit:N0}-byte limit; it was not read"));
            return new BoundedStream(stream, limit, what, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// The whole file as bytes, within limit.
    public static byte[] ReadAllBytes(string path, long limit, string what)
    {
        using var stream = OpenRead(path, limit, what);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// The whole file as text (UTF-8 unless a byte-order mark says otherwise), within limit.
    public static string ReadAllText(string path, long limit, string what)
    {
        using var stream = OpenRead(path, limit, what);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static FileKind Portable(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists) info = new DirectoryInfo(path);
        if (!info.Exists && info.LinkTarget == null) return FileKind.Missing;
        if (info.LinkTarget != null)
        {
            if (!followLinks) return FileKind.Symlink;
            try { info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info; }
            catch (IOException) { return FileKind.Missing; }
            if (!info.Exists) return FileKind.Missing;
        }
        if ((info.Attributes & FileAttributes.Directory) != 0) return FileKind.Directory;
        return (info.Attributes & FileAttributes.Device) != 0 ? FileKind.Special : FileKind.Regular;
    }

    private static FileKind FromMode(uint mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.Symlink,
        _ => FileKind.Special,
    };

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;

    /// Linux statx(2): its struct has the same layout on every architecture (stx_mode is a u16 at offset 28).
    private static unsafe FileKind? Statx(string path, bool followLinks)
    {
        var buffer = stackalloc byte[256];
        try
        {
            if (statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
                return FileKind.Missing;
        }
        catch (EntryPointNotFoundException) { return null; }
        catch (DllNotFoundException) { return null; }
        return FromMode(*(ushort*)(buffer + 28));
    }

    /// macOS stat/lstat (64-bit inode layout: st_mode is a u16 at offset 4).
    private static unsafe FileKind? MacStat(string path, bool followLinks)
    {
        var buffer = stackalloc byte[256];
        try
        {
            var x64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
            var rc = (followLinks, x64) switch
            {
                (true, true) => stat_inode64(path, buffer),
                (true, false) => stat(path, buffer),
                (false, true) => lstat_inode64(path, buffer),
                (false, false) => lstat(path, buffer),
            };
            if (rc != 0) return FileKind.Missing;
        }
        catch (EntryPointNotFoundException) { return null; }
        catch (DllNotFoundException) { return null; }
        return FromMode(*(ushort*)(buffer + 4));
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int stat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int lstat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int stat_inode64(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "lstat$INODE64", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int lstat_inode64(string path, byte* buffer);

    /// A read-only stream that throws once more than limit bytes have come through.
    private sealed class BoundedStream(Stream inner, long limit, string what, string path) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position
        {
            get => inner.Position;
            set => _read = inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            Count(n);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Count(n);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Count(int n)
        {
            _read += n;
            if (_read > limit)
                throw InputFileException.For(what, path, string.Create(CultureInfo.InvariantCulture, $"grew past the {limit:N0}-byte limit while it was read; it was not analysed"));
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => _read = inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
