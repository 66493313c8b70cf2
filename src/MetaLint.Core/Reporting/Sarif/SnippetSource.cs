using System.Text;
using MetaLint.Core.IO;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting.Sarif;

/// The source text SARIF shows with a result: the element itself (region snippet) and the lines around it (context
/// region). Results come in file order, so each file is read once, forward, holding only the lines from the current
/// result's context onwards (reading whole files into line arrays cost a large org's SARIF run about 3x its time and
/// 40 MB). A result that needs an earlier line starts the file again. A file that can no longer be read (a git mode's
/// snapshot, deleted since) or whose lines no longer reach the finding gives no snippet. Lines are what splitting the
/// text at '\n' gives, without a trailing '\r'.
/// A file whose bytes the caller still holds (texts: the copy the parse kept, RetainingStream) is read from them: lines
/// are found on the bytes, and only the lines shown are decoded (UTF-8, as the reader decodes a file without a UTF-16
/// byte order mark).
internal sealed class SnippetSource(Func<string, ReadOnlyMemory<byte>?>? texts = null) : IDisposable
{
    /// Lines shown above and below the finding's lines.
    public const int ContextLines = 2;

    /// Longest snippet text kept; longer ones are left out (a minified file's one line is megabytes), so a
    /// large org's log stays within code scanning's 10 MB (compressed) upload.
    public const int MaxSnippet = 2000;

    private string? _path;
    private StreamReader? _reader;
    private bool _failed;
    private bool _ended;
    private readonly List<string> _window = [];
    private int _windowStart = 1;   // line number of _window[0]
    private readonly StringBuilder _line = new();
    private readonly char[] _buffer = new char[64 * 1024];
    private int _position;
    private int _length;
    private ReadOnlyMemory<byte>? _bytes;   // the file's bytes, when held
    private int _bytePosition;

    public (string? Snippet, int ContextStart, int ContextEnd, string? Context) For(Finding f)
    {
        var span = f.Span;
        if (span.StartLine < 1 || span.EndLine < span.StartLine) return (null, 0, 0, null);
        var start = Math.Max(1, span.StartLine - ContextLines);
        if (!Reach(f.Location.File.FullPath, start, span.EndLine + ContextLines)) return (null, 0, 0, null);
        var last = _windowStart + _window.Count - 1;   // the file's last line, or the last one this result needs
        if (span.EndLine > last) return (null, 0, 0, null);
        string Line(int number) => _window[number - _windowStart];
        string? snippet = null;
        if (span.StartLine == span.EndLine && span.StartColumn >= 1 && span.EndColumn > span.StartColumn &&
            span.EndColumn - 1 <= Line(span.StartLine).Length)
            snippet = Line(span.StartLine)[(span.StartColumn - 1)..(span.EndColumn - 1)];
        else if (span.StartLine != span.EndLine)
            snippet = string.Join('\n', Enumerable.Range(span.StartLine, span.EndLine - span.StartLine + 1).Select(Line));
        var end = Math.Min(last, span.EndLine + ContextLines);
        var context = string.Join('\n', Enumerable.Range(start, end - start + 1).Select(Line));
        return (snippet is { Length: <= MaxSnippet } ? snippet : null, start, end,
            context.Length <= MaxSnippet ? context : null);
    }

    public void Dispose() => _reader?.Dispose();

    /// Holds lines from..to of path (fewer at the end of the file); false when the file cannot be read.
    private bool Reach(string path, int from, int to)
    {
        if (path != _path || from < _windowStart) Open(path);
        if (_failed) return false;
        // Results after this one start no earlier: lines before its context are not needed again.
        var drop = Math.Min(from - _windowStart, _window.Count);
        if (drop > 0)
        {
            _window.RemoveRange(0, drop);
            _windowStart += drop;
        }
        try
        {
            // Lines before from (the window is empty then) are skipped without being made into strings; held
            // bytes a block at a time.
            if (_bytes is { } held && _window.Count == 0 && _windowStart < from) SkipHeldLines(held.Span, from);
            while (!_ended && _window.Count == 0 && _windowStart < from)
            {
                ReadLine(keep: false);
                if (!_ended) _windowStart++;
                else _window.Add("");
            }
            while (!_ended && _windowStart + _window.Count - 1 < to) _window.Add(ReadLine(keep: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            _failed = true;
            return false;
        }
        return true;
    }

    private void Open(string path)
    {
        _reader?.Dispose();
        _reader = null;
        _path = path;
        _window.Clear();
        _windowStart = 1;
        _ended = false;
        _failed = false;
        _position = _length = 0;
        _bytes = null;
        if (texts?.Invoke(path) is { } held && !Utf16(held.Span))
        {
            _bytes = held;
            _bytePosition = held.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            return;
        }
        try
        {
            _reader = new StreamReader(InputFile.OpenRead(path, InputFile.DefaultMetadataLimit, "metadata file"),
                detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _failed = true;
        }
    }

    /// A UTF-16 or UTF-32 byte order mark: such a file is decoded by the reader, never line by line from bytes.
    private static bool Utf16(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
        bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    /// Skips held lines up to line from (or the last line): whole blocks while they hold fewer line ends than are
    /// left to skip (counting is vectorised), then line by line.
    private void SkipHeldLines(ReadOnlySpan<byte> bytes, int from)
    {
        const int block = 64 * 1024;
        while (from - _windowStart > 0 && bytes.Length - _bytePosition > block)
        {
            var lines = bytes.Slice(_bytePosition, block).Count((byte)'\n');
            if (lines >= from - _windowStart) break;
            _bytePosition += block;
            _windowStart += lines;
        }
    }

    /// ReadLine over held bytes: the line is found on the bytes and decoded only when kept.
    private string ReadHeldLine(ReadOnlySpan<byte> bytes, bool keep)
    {
        var rest = bytes[_bytePosition..];
        var newline = rest.IndexOf((byte)'\n');
        var line = newline < 0 ? rest : rest[..newline];
        if (newline < 0)
        {
            _ended = true;
            _bytePosition = bytes.Length;
        }
        else
        {
            _bytePosition += newline + 1;
        }
        if (!keep) return "";
        while (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        return Encoding.UTF8.GetString(line);
    }

    /// The next '\n'-separated line; the text after the last '\n' (empty when the file ends with one) is the last.
    private string ReadLine(bool keep)
    {
        if (_bytes is { } held) return ReadHeldLine(held.Span, keep);
        _line.Clear();
        while (true)
        {
            if (_position == _length)
            {
                _length = _reader!.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    _ended = true;
                    break;
                }
            }
            var rest = _buffer.AsSpan(_position, _length - _position);
            var newline = rest.IndexOf('\n');
            if (keep) _line.Append(newline < 0 ? rest : rest[..newline]);
            if (newline < 0)
            {
                _position = _length;
                continue;
            }
            _position += newline + 1;
            break;
        }
        if (!keep) return "";
        var length = _line.Length;
        while (length > 0 && _line[length - 1] == '\r') length--;
        return _line.ToString(0, length);
    }
}
