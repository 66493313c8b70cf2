using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MetaLint.LanguageServer;

/// One message read from the client: a parsed JSON object, or why the bytes were not one.
internal abstract record Incoming;

/// A JSON-RPC object; Root is a request, a notification or a response to one of the server's requests.
internal sealed record Received(JsonElement Root) : Incoming;

/// Bytes that are not a valid message: answered with Code (-32700 parse error, -32600 invalid request) and a null
/// id (none can be read from them), and the server reads on.
internal sealed record Malformed(int Code, string Problem) : Incoming;

/// LSP's base protocol over a pair of byte streams: `Content-Length: N` headers, a blank line, N bytes of JSON.
/// Reading never throws for what the client sent: a bad header, a body that is not JSON or not an object comes back
/// as Malformed and the next message is read (a header line is found again by its `Content-Length:`).
/// Writing is safe from several threads.
internal sealed class LspTransport(Stream input, Stream output, long maxBody)
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    private const int MaxHeaderLine = 8 * 1024;
    private const string LengthHeader = "content-length:";

    private readonly Lock _write = new();
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly Queue<Incoming> _ready = new();
    private int _start, _end;

    /// The next message, or null when the stream has ended.
    public Incoming? Read()
    {
        if (_ready.Count == 0) ReadMessage();
        return _ready.TryDequeue(out var next) ? next : null;
    }

    /// Queues what the next header block and body hold: first a Malformed for stray bytes before the header (the
    /// rest of an unframed message), then the message itself; nothing at the end of the stream.
    private void ReadMessage()
    {
        long? length = null;
        string? badLength = null;
        var lines = 0;
        while (true)
        {
            var line = ReadLine(out var tooLong);
            if (line == null) return;
            if (line.Length == 0)
            {
                if (lines == 0) continue;   // a stray blank line between messages
                break;
            }
            lines++;
            if (tooLong) { _ready.Enqueue(new Malformed(ParseError, "a header line longer than 8 KB")); continue; }
            // A body without its header (or a header after garbage) still finds the next message's length.
            var at = line.IndexOf(LengthHeader, StringComparison.OrdinalIgnoreCase);
            if (at > 0 || (at < 0 && !line.Contains(':')))
                _ready.Enqueue(new Malformed(ParseError, $"bytes that are not a header: '{Shorten(at > 0 ? line[..at] : line)}'"));
            if (at >= 0)
            {
                length = long.TryParse(line.AsSpan(at + LengthHeader.Length).Trim(), out var n) && n >= 0 ? n : null;
                badLength = length == null ? $"an invalid Content-Length header: '{Shorten(line[at..])}'" : null;
            }
        }
        if (length is not { } size)
        {
            _ready.Enqueue(new Malformed(ParseError, badLength ?? "a message without a Content-Length header"));
            return;
        }
        if (size > maxBody)
        {
            if (Skip(size))
                _ready.Enqueue(new Malformed(InvalidRequest, $"a message of {size:N0} bytes, over the {maxBody:N0}-byte limit"));
            return;
        }
        var body = new byte[size];
        if (!ReadExactly(body)) return;
        JsonDocument document;
        try { document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 }); }
        catch (JsonException e)
        {
            _ready.Enqueue(new Malformed(ParseError, $"the body is not valid JSON: {e.Message}"));
            return;
        }
        var root = document.RootElement;
        _ready.Enqueue(root.ValueKind == JsonValueKind.Object
            ? new Received(root)
            : new Malformed(InvalidRequest, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object"));
    }

    /// Writes one message (a JSON-RPC object without "jsonrpc", which is added).
    public void Write(JsonObject message)
    {
        message["jsonrpc"] = "2.0";
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body)) message.WriteTo(writer);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_write)
        {
            output.Write(header);
            output.Write(body.GetBuffer().AsSpan(0, (int)body.Length));
            output.Flush();
        }
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "...";

    private bool Fill()
    {
        if (_start < _end) return true;
        _start = 0;
        _end = input.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    /// One header line without its line break (ASCII); null at the end of the stream. A line longer than the cap
    /// is consumed and reported as tooLong.
    private string? ReadLine(out bool tooLong)
    {
        var line = new StringBuilder();
        tooLong = false;
        while (true)
        {
            if (!Fill()) return line.Length > 0 ? line.ToString() : null;
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            var take = newline < 0 ? span : span[..newline];
            if (!tooLong && line.Length + take.Length <= MaxHeaderLine) line.Append(Encoding.Latin1.GetString(take));
            else { tooLong = true; line.Clear(); }
            _start += newline < 0 ? span.Length : newline + 1;
            if (newline >= 0) break;
        }
        if (line.Length > 0 && line[^1] == '\r') line.Length--;
        return line.ToString();
    }

    private bool ReadExactly(Span<byte> target)
    {
        while (target.Length > 0)
        {
            if (!Fill()) return false;
            var n = Math.Min(target.Length, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(target);
            _start += n;
            target = target[n..];
        }
        return true;
    }

    private bool Skip(long count)
    {
        while (count > 0)
        {
            if (!Fill()) return false;
            var n = (int)Math.Min(count, _end - _start);
            _start += n;
            count -= n;
        }
        return true;
    }
}
