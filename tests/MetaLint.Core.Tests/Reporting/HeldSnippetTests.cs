using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Reporting;

/// Snippets from held bytes (RetainingStream's copy) against the file's decoded text split at '\n' and against the
/// disk reader, on hostile contents: multi-byte characters and line ends around the 64 KB blocks, invalid UTF-8,
/// lone CR, CRLF, empty lines, a BOM, no final newline.
public sealed class HeldSnippetTests : IDisposable
{
    private readonly TempFolder _folder = new("metalint-held-");

    public void Dispose() => _folder.Dispose();

    private static Finding At(string path, int startLine, int startColumn, int endLine, int endColumn) =>
        SnippetSourceTests.At(path, startLine, startColumn, endLine, endColumn);

    private static readonly byte[][] Pieces =
    [
        "a"u8.ToArray(), "bc"u8.ToArray(), "\u00e9"u8.ToArray(), "\u20ac"u8.ToArray(), "\U0001F600"u8.ToArray(),
        "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\r"u8.ToArray(), [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
        "\n\n"u8.ToArray(),
    ];

    private static byte[] Content(Random random, int size, bool bom)
    {
        var bytes = new List<byte>(size + 8);
        if (bom) bytes.AddRange([0xEF, 0xBB, 0xBF]);
        while (bytes.Count < size)
        {
            // Mostly short ASCII lines so that blocks hold many line ends, with hostile pieces mixed in.
            var piece = random.Next(4) == 0 ? Pieces[random.Next(Pieces.Length)] : Pieces[random.Next(2)];
            bytes.AddRange(piece);
            if (random.Next(40) == 0) bytes.Add((byte)'\n');
        }
        return [.. bytes];
    }

    /// The reference: the decoded text split at '\n', trailing '\r's removed.
    private static string[] Lines(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(2, 1, false)]
    [InlineData(3, 64 * 1024 - 1, false)]
    [InlineData(4, 64 * 1024, true)]
    [InlineData(5, 64 * 1024 + 1, false)]
    [InlineData(6, 3 * 64 * 1024 + 17, true)]
    [InlineData(7, 5 * 64 * 1024 + 5, false)]
    public void Held_bytes_show_what_the_decoded_text_shows_at_every_line(int seed, int size, bool bom)
    {
        var random = new Random(seed);
        var bytes = Content(random, size, bom);
        var path = _folder.Write($"f{seed}.profile-meta.xml", bytes);
        var lines = Lines(path);
        // Lines whose text starts in each block's last and first bytes, and a random sparse selection.
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == '\n') starts.Add(i + 1);
        var wanted = new SortedSet<int>();
        var boundary = new SortedSet<int>();
        for (var line = 1; line <= lines.Length; line++)
        {
            var offset = starts[line - 1];
            var end = line < starts.Count ? starts[line] : bytes.Length;
            var nearBoundary = offset / (64 * 1024) != end / (64 * 1024) || offset % (64 * 1024) < 4;
            if (nearBoundary) boundary.Add(line);
            if (nearBoundary || line <= 3 || line >= lines.Length - 2 || random.Next(25) == 0) wanted.Add(line);
        }
        var sequences = new List<List<Finding>>
        {
            wanted.Select(l => At(path, l, 1, l, 2)).ToList(),
            wanted.Where((_, i) => i % 7 == 0).Select(l => At(path, l, 1, Math.Min(l + 1, lines.Length + 1), 1)).ToList(),
            Enumerable.Range(1, lines.Length + 1).Select(l => At(path, l, 1, l, 2)).ToList(),
            // Far apart (whole blocks skipped), then the last line.
            boundary.Where((_, i) => i % 3 == 0).Append(lines.Length).Distinct().Select(l => At(path, l, 1, l, 2)).ToList(),
        };
        // Each line near a block boundary as the first result of a file (skipped to from its start).
        // (its context begins two lines earlier, so also two lines later).
        sequences.AddRange(boundary.SelectMany(l => new[] { l, l + 1, l + 2 }).Select(l => new List<Finding> { At(path, l, 1, l, 2) }));
        foreach (var findings in sequences)
        {
            using var disk = new SnippetSource();
            using var held = new SnippetSource(p => p == path ? bytes : null);
            foreach (var f in findings)
            {
                var expected = disk.For(f);
                held.For(f).ShouldBe(expected, $"finding at {f.Span}");
                if (f.Span.EndLine > lines.Length) continue;
                var start = Math.Max(1, f.Span.StartLine - 2);
                var last = Math.Min(lines.Length, f.Span.EndLine + 2);
                var context = string.Join('\n', lines[(start - 1)..last]);
                (expected.ContextStart, expected.ContextEnd, expected.Context)
                    .ShouldBe((start, last, context.Length <= SnippetSource.MaxSnippet ? context : null), $"reference at {f.Span}");
            }
        }
    }
}

/// Keeping each file's bytes for snippets changes nothing else: the same findings (parse failures included, with their
/// positions) as a run without snippets, on hostile files; and each snippet is what the file's text shows there.
public sealed class HeldRunTests : IDisposable
{
    private readonly TempFolder _org = new("metalint-heldrun-");

    public void Dispose() => _org.Dispose();

    [Fact]
    public void A_run_with_snippets_finds_what_one_without_finds()
    {
        const string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        const string open = "<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n";
        const string grant = "    <userPermissions>\r\n        <enabled>true</enabled>\r\n        <name>ModifyAllData</name>\n    </userPermissions>\n";
        var utf8 = new System.Text.UTF8Encoding(false);
        var files = new Dictionary<string, byte[]>
        {
            ["Plain"] = utf8.GetBytes(head + open + grant + "</Profile>"),
            ["Bom"] = [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(head + open + grant + "</Profile>\n")],
            ["Doctype"] = utf8.GetBytes(head + "\n\n  <!DOCTYPE x [ <!ENTITY a \"b\"> ]>\n" + open + grant + "</Profile>\n"),
            ["BomDoctype"] = [0xEF, 0xBB, 0xBF, .. utf8.GetBytes("<!DOCTYPE x>\n" + open + "</Profile>\n")],
            ["Utf16"] = [.. new System.Text.UnicodeEncoding(false, true).GetPreamble(),
                .. new System.Text.UnicodeEncoding(false, false).GetBytes(head.Replace("UTF-8", "UTF-16") + open + grant + "</Profile>\n")],
            ["Utf16Doctype"] = [.. new System.Text.UnicodeEncoding(false, true).GetPreamble(),
                .. new System.Text.UnicodeEncoding(false, false).GetBytes("\n<!DOCTYPE x>\n" + open + "</Profile>\n")],
            ["Invalid"] = [.. utf8.GetBytes(head + open + grant + "<description>"), 0xFF, 0xC3, .. utf8.GetBytes("</description>\n</Profile>\n")],
            ["Truncated"] = utf8.GetBytes(head + open + grant + "<userPermissions>\n  <enabled>tr"),
            ["Empty"] = [],
            ["Latin1"] = [.. System.Text.Encoding.Latin1.GetBytes(head.Replace("UTF-8", "ISO-8859-1") + open + "<description>caf\u00e9</description>\n" + grant + "</Profile>\n")],
            ["Wide"] = utf8.GetBytes(head + open + string.Concat(Enumerable.Repeat("<!-- \u20ac\u00e9\U0001F600 -->\n", 9000)) + grant + "</Profile>\n"),
        };
        foreach (var (name, bytes) in files)
            _org.Write($"force-app/main/default/profiles/{name}.profile-meta.xml", bytes);
        AnalysisResult Run(bool snippets) =>
            Analyzer.Run([_org.Root], new AnalysisOptions { Root = _org.Root, Snippets = snippets, Jobs = 2 });
        var with = Run(snippets: true).Findings;
        var without = Run(snippets: false).Findings;
        with.Select(f => (f.RuleId, f.Path, f.Span, f.Message, f.Fingerprint))
            .ShouldBe(without.Select(f => (f.RuleId, f.Path, f.Span, f.Message, f.Fingerprint)));
        with.Count(f => f.RuleId == "ML0001").ShouldBeGreaterThanOrEqualTo(6);
        using var disk = new MetaLint.Core.Reporting.Sarif.SnippetSource();
        foreach (var f in with)
        {
            var expected = disk.For(f);
            (f.Snippet!.Text, f.Snippet.ContextStart, f.Snippet.ContextEnd, f.Snippet.Context).ShouldBe(expected, $"{f.RuleId} {f.Path} {f.Span}");
        }
    }
}
