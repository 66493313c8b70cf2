using System.Text;
using MetaLint.Core.Rules;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Hostile;

/// A finding reduced to what fixture markers state: rule, line and start column.
internal readonly record struct Expected(string RuleId, int Line, int Column)
{
    public static Expected Of(Finding f) => new(f.RuleId, f.Span.StartLine, f.Span.StartColumn);
    public override string ToString() => $"{RuleId}@{Line}:{Column}";
}

/// Reads `<!-- expect: ML1001 -->` markers (the shared ExpectMarker): the finding starts at the first '<' of the marked line.
internal static class Markers
{
    public static List<Expected> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return FromText(reader.ReadToEnd());
    }

    /// Lines are split the way XML counts them: CRLF, CR and LF each end one line.
    public static List<Expected> FromText(string text)
    {
        var result = new List<Expected>();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf('<') + 1;
            foreach (var id in ExpectMarker.Ids(lines[i]))
                result.Add(new Expected(id, i + 1, column));
        }
        return result.OrderBy(e => e.Line).ThenBy(e => e.RuleId, StringComparer.Ordinal).ToList();
    }
}

/// Runs the whole pipeline on a folder.
internal static class HostileRun
{
    public static AnalysisResult Folder(string root, int jobs = 0) =>
        Analyzer.Run([root], new AnalysisOptions { Root = root, Jobs = jobs });

    public static List<Expected> Of(AnalysisResult result, string relativePath) =>
        result.Findings.Where(f => f.Path == relativePath).Select(Expected.Of)
            .OrderBy(e => e.Line).ThenBy(e => e.RuleId, StringComparer.Ordinal).ToList();
}
