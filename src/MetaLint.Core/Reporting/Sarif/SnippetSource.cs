using MetaLint.Core.IO;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting.Sarif;

/// The source text SARIF shows with a result: the element itself (region snippet) and the lines around it (context
/// region). Results come in file order, so only the current file's lines are held. A file that can no longer be read
/// (a git mode's snapshot, deleted since) or whose lines no longer reach the finding gives no snippet.
internal sealed class SnippetSource
{
    /// Lines shown above and below the finding's lines.
    public const int ContextLines = 2;

    /// Longest snippet text kept; longer ones are left out (a minified file's one line is megabytes), so a
    /// large org's log stays within code scanning's 10 MB (compressed) upload.
    public const int MaxSnippet = 2000;

    private string? _path;
    private string[]? _lines;

    public (string? Snippet, int ContextStart, int ContextEnd, string? Context) For(Finding f)
    {
        var lines = Lines(f.Location.File.FullPath);
        var span = f.Span;
        if (lines == null || span.StartLine < 1 || span.EndLine > lines.Length || span.EndLine < span.StartLine)
            return (null, 0, 0, null);
        string? snippet = null;
        if (span.StartLine == span.EndLine && span.StartColumn >= 1 && span.EndColumn > span.StartColumn &&
            span.EndColumn - 1 <= lines[span.StartLine - 1].Length)
            snippet = lines[span.StartLine - 1][(span.StartColumn - 1)..(span.EndColumn - 1)];
        else if (span.StartLine != span.EndLine)
            snippet = string.Join('\n', lines[(span.StartLine - 1)..span.EndLine]);
        var start = Math.Max(1, span.StartLine - ContextLines);
        var end = Math.Min(lines.Length, span.EndLine + ContextLines);
        var context = string.Join('\n', lines[(start - 1)..end]);
        return (snippet is { Length: <= MaxSnippet } ? snippet : null, start, end,
            context.Length <= MaxSnippet ? context : null);
    }

    private string[]? Lines(string path)
    {
        if (path == _path) return _lines;
        _path = path;
        try { _lines = InputFile.ReadAllText(path, InputFile.DefaultMetadataLimit, "metadata file").Split('\n').Select(l => l.TrimEnd('\r')).ToArray(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _lines = null; }
        return _lines;
    }
}
