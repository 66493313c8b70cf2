using MetaLint.Core.Model;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;
using MetaLint.Core.Rules.Permissions;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Reporting;

/// SnippetSource reads each file forward once; what it shows must be what splitting the whole text at '\n' shows.
public sealed class SnippetSourceTests : IDisposable
{
    private readonly TempFolder _folder = new("metalint-snippet-");

    public void Dispose() => _folder.Dispose();

    /// A finding at the span (the snippet tests need nothing else of it).
    internal static Finding At(string path, int startLine, int startColumn, int endLine, int endColumn) =>
        new(UserPermissionGrants.ML1001.Descriptor, RuleLevel.Error, "m",
            new SourceLocation(new SourceFile(path, "p", MetadataKind.Profile, "P"), new SourceSpan(startLine, startColumn, endLine, endColumn)),
            MetadataKind.Profile, "P", "s");

    /// The reference: the whole text split at '\n', as the first version did.
    private static (string? Snippet, int Start, int End, string? Context) Expected(string text, Finding f)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var span = f.Span;
        if (span.EndLine > lines.Length) return (null, 0, 0, null);
        var snippet = span.StartLine == span.EndLine
            ? lines[span.StartLine - 1][(span.StartColumn - 1)..(span.EndColumn - 1)]
            : string.Join('\n', lines[(span.StartLine - 1)..span.EndLine]);
        var start = Math.Max(1, span.StartLine - 2);
        var end = Math.Min(lines.Length, span.EndLine + 2);
        return (snippet, start, end, string.Join('\n', lines[(start - 1)..end]));
    }

    [Theory]
    [InlineData("a\nbb\nccc\ndddd\neeeee\n")]        // ends with a newline: an empty last line
    [InlineData("a\r\nbb\r\nccc\r\ndddd\r\neeeee")]   // CRLF, no final newline
    [InlineData("\uFEFFa\nbb\nccc\ndddd\neeeee")]     // byte order mark
    public void Forward_reading_shows_what_the_whole_text_shows(string text)
    {
        var path = _folder.Write("x.profile-meta.xml", text);
        // In file order, then out of order (a result before the window starts the file again), then past the end.
        Finding[] findings = [At(path, 1, 1, 1, 2), At(path, 2, 1, 3, 4), At(path, 5, 1, 5, 3), At(path, 2, 1, 2, 3), At(path, 9, 1, 9, 2)];
        using var source = new SnippetSource();
        // The same from the bytes a parse kept (RetainingStream), read without touching the file.
        var bytes = File.ReadAllBytes(path);
        using var fromBytes = new SnippetSource(p => p == path ? bytes : null);
        foreach (var f in findings)
        {
            var (snippet, start, end, context) = source.For(f);
            var expected = Expected(text.TrimStart('\uFEFF'), f);
            (snippet, start, end, context).ShouldBe(expected, $"finding at {f.Span}");
            fromBytes.For(f).ShouldBe(expected, $"finding at {f.Span}, from held bytes");
        }
    }

    [Fact]
    public void Held_bytes_of_a_utf16_file_are_decoded_by_the_reader()
    {
        var text = "a\nbb\nccc\ndddd\n";
        var path = _folder.Write("u.profile-meta.xml", new System.Text.UnicodeEncoding(false, true).GetPreamble()
            .Concat(new System.Text.UnicodeEncoding(false, false).GetBytes(text)).ToArray());
        var bytes = File.ReadAllBytes(path);
        using var fromBytes = new SnippetSource(p => bytes);
        var f = At(path, 2, 1, 3, 4);
        fromBytes.For(f).ShouldBe(Expected(text, f));
    }

    [Fact]
    public void A_retaining_stream_keeps_a_file_within_its_limit_and_passes_a_larger_one_through()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i}\n")));
        var kept = new MetaLint.Core.IO.RetainingStream(new MemoryStream(bytes), 1 << 20);
        kept.Whole!.Value.ToArray().ShouldBe(bytes);
        var read = new MemoryStream();
        kept.ReadExactly(new byte[100]);
        kept.Position = 0;   // the parser seeks back to look for a DOCTYPE after a failure
        kept.CopyTo(read);
        read.ToArray().ShouldBe(bytes);
        kept.Release();
        kept.Whole.ShouldBeNull();

        var large = new MetaLint.Core.IO.RetainingStream(new MemoryStream(bytes), 1000);
        large.Whole.ShouldBeNull();   // over its limit: the caller reads the file again
        read.SetLength(0);
        large.CopyTo(read);
        read.ToArray().ShouldBe(bytes);
    }
}
