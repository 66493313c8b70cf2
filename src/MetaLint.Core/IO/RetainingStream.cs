using System.Buffers;

namespace MetaLint.Core.IO;

/// A read-only stream over a file that keeps the file's bytes in memory when it is no larger than a limit: it reads
/// them all at once into a pooled buffer and serves reads from there, so the text can be looked at again after the
/// parse without reading the file a second time (SARIF snippets) and without another copy. A larger file, or a
/// stream whose length is unknown, is passed through and not kept. Release returns the buffer to the pool.
internal sealed class RetainingStream : Stream
{
    private readonly Stream _inner;
    private byte[]? _buffer;
    private readonly int _length;
    private int _position;

    public RetainingStream(Stream inner, int limit)
    {
        _inner = inner;
        if (!inner.CanSeek || inner.Length >= limit) return;
        _buffer = ArrayPool<byte>.Shared.Rent((int)inner.Length + 1);
        // Read to the end, not to Length: a file may change while it is read; the bounded stream stops at its cap.
        try
        {
            int n;
            while ((n = inner.Read(_buffer, _length, _buffer.Length - _length)) > 0)
            {
                _length += n;
                if (_length == _buffer.Length && !Grow(limit)) return;
            }
        }
        catch
        {
            Release();   // the file grew past the reader's cap, or could not be read: the caller never gets this stream
            throw;
        }
    }

    /// The file's bytes when kept; null otherwise (or once released).
    public ReadOnlyMemory<byte>? Whole => _buffer != null ? (ReadOnlyMemory<byte>?)_buffer.AsMemory(0, _length) : null;

    public override int Read(Span<byte> buffer)
    {
        if (_buffer == null) return _inner.Read(buffer);
        var n = Math.Min(buffer.Length, _length - _position);
        _buffer.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (_buffer == null) return _inner.Seek(offset, origin);
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        _position = (int)Math.Clamp(target, 0, _length);
        return _position;
    }

    public override long Position
    {
        get => _buffer == null ? _inner.Position : _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override bool CanRead => true;
    public override bool CanSeek => _buffer != null || _inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => _buffer == null ? _inner.Length : _length;
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// Returns the buffer to the pool; Whole is null from then on.
    public void Release()
    {
        if (_buffer != null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    /// The file grew while read: a larger buffer, while within the limit.
    private bool Grow(int limit)
    {
        if (_buffer!.Length >= limit)
        {
            // Over the limit after all: give the whole file to the reader from its start, and keep nothing.
            Release();
            _inner.Position = 0;
            return false;
        }
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(limit, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
        return true;
    }
}
