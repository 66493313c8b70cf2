using System.Buffers;

namespace MetaLint.Core.IO;

/// A read-only stream that keeps a copy of the bytes read through it, up to a limit, so that a file's text can be
/// looked at again without reading the file a second time (SARIF snippets, read right after the parse). The copy is
/// whole only if the stream was read to its end within the limit and never repositioned; disposing reads the rest
/// (a parser stops at the root's end tag) while that stays within the limit. The buffer comes from the shared
/// pool: Release returns it.
internal sealed class RetainingStream(Stream inner, int limit) : Stream
{
    // Sized to the file when its length is known (one copy, no regrowth); none at all when it is over the limit.
    private byte[]? _buffer = !inner.CanSeek ? ArrayPool<byte>.Shared.Rent(64 * 1024)
        : inner.Length < limit ? ArrayPool<byte>.Shared.Rent((int)inner.Length + 1) : null;
    private int _length;
    private bool _ended;

    /// The file's bytes when the copy is whole; null otherwise.
    public ReadOnlyMemory<byte>? Whole => _buffer != null && _ended ? (ReadOnlyMemory<byte>?)_buffer.AsMemory(0, _length) : null;

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Keep(buffer[..n]);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override long Seek(long offset, SeekOrigin origin)
    {
        Drop();   // re-reading from elsewhere: the copy would no longer be the file in order
        return inner.Seek(offset, origin);
    }

    public override long Position
    {
        get => inner.Position;
        set
        {
            Drop();
            inner.Position = value;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// Returns the copy's buffer to the pool; Whole is null from then on.
    public void Release() => Drop();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                Span<byte> rest = stackalloc byte[4096];
                while (_buffer != null && !_ended && Read(rest) > 0) { }
            }
            catch (IOException)
            {
                Drop();
            }
            finally
            {
                inner.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private void Keep(ReadOnlySpan<byte> read)
    {
        if (_buffer == null) return;
        if (read.Length == 0)
        {
            _ended = true;
            return;
        }
        if (_length + read.Length > limit)
        {
            Drop();
            return;
        }
        if (_length + read.Length > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(limit, Math.Max(_buffer.Length * 2, _length + read.Length)));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        read.CopyTo(_buffer.AsSpan(_length));
        _length += read.Length;
    }

    private void Drop()
    {
        if (_buffer != null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
