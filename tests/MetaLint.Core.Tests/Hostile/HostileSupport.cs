using System.Text;
using System.Text.RegularExpressions;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Tests.Hostile;

/// A fresh folder under the system temp folder, deleted afterwards.
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Root);

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "metalint-" + Guid.NewGuid().ToString("N"));

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public string Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// A finding reduced to what fixture markers state: rule, line and start column.
internal readonly record struct Expected(string RuleId, int Line, int Column)
{
    public static Expected Of(Finding f) => new(f.RuleId, f.Span.StartLine, f.Span.StartColumn);
    public override string ToString() => $"{RuleId}@{Line}:{Column}";
}

/// Reads `<!-- expect: ML1001 -->` markers: the finding starts at the first '<' of the marked line.
internal static partial class Markers
{
    [GeneratedRegex(@"expect:\s*((?:ML\d{4}[\s,]*)+)")]
    private static partial Regex Marker();

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
            var m = Marker().Match(lines[i]);
            if (!m.Success) continue;
            var column = lines[i].IndexOf('<') + 1;
            foreach (var id in m.Groups[1].Value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
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

/// A Fact that is skipped, with the reason, when the test process runs as root (where chmod 000 does not stop reads).
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (ChmodStopsReads.Value is { } reason) Skip = reason;
    }

    private static readonly Lazy<string?> ChmodStopsReads = new(() =>
    {
        if (OperatingSystem.IsWindows()) return "chmod 000 has no meaning on Windows";
        var probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "metalint-chmod-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, "x");
            File.SetUnixFileMode(probe, UnixFileMode.None);
            try { File.ReadAllBytes(probe); }
            catch (UnauthorizedAccessException) { return null; }
            return "running as root (or with CAP_DAC_OVERRIDE): a chmod 000 file is still readable, so an unreadable file cannot be simulated";
        }
        finally { File.Delete(probe); }
    });
}
