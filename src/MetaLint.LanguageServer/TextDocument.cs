using System.Text.Json;

namespace MetaLint.LanguageServer;

/// An open document as the editor holds it: one immutable version of its text. A change makes a new instance, so
/// a check can tell whether the text it checked is still the current one by reference.
internal sealed class TextDocument(string uri, string? path, int? version, string text)
{
    public string Uri { get; } = uri;

    /// The local file the URI names, or null (untitled buffers, other schemes).
    public string? Path { get; } = path;
    public int? Version { get; } = version;
    public string Text { get; } = text;

    public bool IsConfig => Path != null && System.IO.Path.GetFileName(Path) == Core.Configuration.ConfigLoader.FileName;

    /// Applies didChange's contentChanges in order (LSP: each range refers to the text after the previous change).
    /// A change without a range replaces the whole text.
    public TextDocument Apply(int? newVersion, JsonElement changes)
    {
        var text = Text;
        foreach (var change in changes.EnumerateArray())
        {
            var replacement = change.GetProperty("text").GetString() ?? "";
            if (!change.TryGetProperty("range", out var range) || range.ValueKind != JsonValueKind.Object)
            {
                text = replacement;
                continue;
            }
            var start = Offset(text, range.GetProperty("start"));
            var end = Math.Max(start, Offset(text, range.GetProperty("end")));
            text = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
        }
        return new TextDocument(Uri, Path, newVersion, text);
    }

    /// The UTF-16 offset of an LSP position (0-based line, UTF-16 character). Lines end at \n, \r\n or \r; a
    /// character past the end of its line means the end of the line, and a line past the end means the end of
    /// the text, as the specification says.
    public static int Offset(string text, JsonElement position) =>
        Offset(text, position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());

    public static int Offset(string text, int line, int character)
    {
        var at = LineStart(text, line);
        if (at < 0) return text.Length;
        var lineEnd = text.AsSpan(at).IndexOfAny('\r', '\n');
        var length = lineEnd < 0 ? text.Length - at : lineEnd;
        return at + Math.Clamp(character, 0, length);
    }

    /// The offset where the 0-based line starts, or -1 when the text has fewer lines.
    public static int LineStart(string text, int line)
    {
        var at = 0;
        for (var i = 0; i < line; i++)
        {
            var next = text.AsSpan(at).IndexOfAny('\r', '\n');
            if (next < 0) return -1;
            at += next;
            at += text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1;
        }
        return at;
    }

    /// The 0-based line's text without its line break ("" past the end).
    public string Line(int line)
    {
        var at = LineStart(Text, line);
        if (at < 0) return "";
        var end = Text.AsSpan(at).IndexOfAny('\r', '\n');
        return end < 0 ? Text[at..] : Text.Substring(at, end);
    }

    /// The line break the document uses (its first), \n when it has none.
    public string LineBreak
    {
        get
        {
            var at = Text.AsSpan().IndexOfAny('\r', '\n');
            if (at < 0) return "\n";
            return Text[at] == '\n' ? "\n" : at + 1 < Text.Length && Text[at + 1] == '\n' ? "\r\n" : "\r";
        }
    }
}
