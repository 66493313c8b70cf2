using System.Globalization;
using MetaLint.Core.Reporting;
using MetaLint.Core.Rules;
using Spectre.Console;

namespace MetaLint.Cli.Terminal;

/// Human output grouped by file: "line:col  level  rule  message", then a summary. Colour only when asked.
/// With statistics, the summary is followed by the count of findings per rule and the components with the most, as
/// Ruff's --statistics: on a large org this says where to start.
internal sealed class TextReporter(bool color, bool statistics = false) : IReporter
{
    /// How many components the statistics list.
    public const int TopComponents = 10;

    public void Write(Report report, TextWriter output)
    {
        // Without colour Spectre.Console adds nothing but its start-up (emoji tables, environment probing:
        // ~3 ms of a one-file pre-commit run), so plain text goes straight to the writer. Both sinks get the
        // same styled spans, so the text is identical either way (tested).
        ISink sink = color ? new SpectreSink(output) : new PlainSink(output);

        if (report.Base is { } comparison)
        {
            foreach (var line in EscalationSummary.Lines(report.Findings, comparison))
                sink.Line(line);
            sink.Line();
        }

        // One file's rows at a time (findings come in path order), so a streamed run's findings are never all held.
        var rows = new List<(string Pos, Finding F)>();
        void File()
        {
            if (rows.Count == 0) return;
            sink.Line((rows[0].F.Path, Styles.Underline));
            var width = rows.Max(r => r.Pos.Length);
            foreach (var (pos, f) in rows)
                sink.Line(($"  {pos.PadRight(width)}  ", null), (f.Level.ToText().PadRight(7), Styles.Of(f.Level)), ("  ", null),
                    (f.RuleId, Styles.Dim), ("  " + f.Message, null));
            sink.Line();
            rows.Clear();
        }
        foreach (var f in report.Active)
        {
            if (rows.Count > 0 && !string.Equals(rows[0].F.Path, f.Path, StringComparison.Ordinal)) File();
            rows.Add(($"{f.Span.StartLine}:{f.Span.StartColumn}", f));
        }
        File();
        sink.Line(Summary(report));
        if (statistics) Statistics(report.Tally, sink);
        if (report.Score is { Score: { } score } health)
            sink.Line(
                $"Approximate Health Check score: {score.ToString("0.0", CultureInfo.InvariantCulture)} " +
                $"({health.GradeText}) against {health.Baseline.DisplayName}; see `metalint baseline score` for the details.");
    }

    private static void Statistics(FindingTally tally, ISink sink)
    {
        var total = tally.ActiveTotal;
        if (total == 0) return;
        var width = total.ToString(CultureInfo.InvariantCulture).Length;
        string Count(int n) => n.ToString(CultureInfo.InvariantCulture).PadLeft(width);
        sink.Line();
        sink.Line(("Findings by rule:", Styles.Bold));
        foreach (var (id, (rule, byLevel)) in tally.ByRule.OrderByDescending(r => r.Value.ByLevel.Sum()).ThenBy(r => r.Key, StringComparer.Ordinal))
            sink.Line($"  {Count(byLevel.Sum())}  {id}  {rule.Title}");
        var components = tally.ByComponent;
        sink.Line(($"Top components ({Math.Min(TopComponents, components.Count)} of {components.Count}):", Styles.Bold));
        foreach (var (c, n) in components.OrderByDescending(c => c.Value)
                     .ThenBy(c => c.Key.Kind.ToString(), StringComparer.Ordinal)
                     .ThenBy(c => c.Key.Name, StringComparer.Ordinal).Take(TopComponents))
            sink.Line($"  {Count(n)}  {c.Kind} '{c.Name}'");
    }

    private static (string, Style?)[] Summary(Report report)
    {
        var tally = report.Tally;
        var total = tally.ActiveTotal;
        var files = report.FilesAnalysed == 1 ? "1 file" : $"{report.FilesAnalysed} files";
        var accepted = tally.AcceptedTotal;
        var others = tally.SuppressedTotal - accepted;
        // Accepted findings do not fail the build, but an accepted error is still an error: counted by level.
        var held = (accepted > 0 ? $" {accepted} accepted ({Levels(tally.Accepted)}), not failing the build." : "") +
                   (others > 0 ? $" {others} suppressed (see SARIF or JSON for justifications)." : "");
        if (total == 0) return [("No problems found", Styles.Green), ($" in {files}.{held}", null)];
        return [($"{total} problem{(total == 1 ? "" : "s")}", Styles.Bold), ($" ({Levels(tally.Active)}) in {files}.{held}", null)];
    }

    /// "2 errors, 1 warning": the levels present, highest first.
    private static string Levels(Func<RuleLevel, int> count) =>
        string.Join(", ", new[] { (RuleLevel.Error, "error"), (RuleLevel.Warning, "warning"), (RuleLevel.Note, "note") }
            .Select(p => (Count: count(p.Item1), Name: p.Item2))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Name}{(p.Count == 1 ? "" : "s")}"));

    private static class Styles
    {
        public static readonly Style Underline = new(decoration: Decoration.Underline);
        public static readonly Style Dim = new(decoration: Decoration.Dim);
        public static readonly Style Bold = new(decoration: Decoration.Bold);
        public static readonly Style Green = new(Color.Green);

        public static Style Of(RuleLevel level) => level switch
        {
            RuleLevel.Error => new Style(Color.Red),
            RuleLevel.Warning => new Style(Color.Yellow),
            _ => new Style(Color.Blue),
        };
    }

    /// Where report lines go: a line is a run of spans, each with an optional style.
    private interface ISink
    {
        void Line(params (string Text, Style? Style)[] spans);
        void Line(string text) => Line((text, null));
    }

    private sealed class PlainSink(TextWriter output) : ISink
    {
        public void Line(params (string Text, Style? Style)[] spans)
        {
            foreach (var (text, _) in spans) output.Write(TerminalText.Printable(text));
            output.Write('\n');
        }
    }

    private sealed class SpectreSink : ISink
    {
        private readonly IAnsiConsole _console;

        public SpectreSink(TextWriter output)
        {
            _console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.Standard,
                Out = new AnsiConsoleOutput(output),
                Interactive = InteractionSupport.No,
            });
            _console.Profile.Width = int.MaxValue;   // never wrap: lines stay greppable, as in plain text
        }

        public void Line(params (string Text, Style? Style)[] spans)
        {
            foreach (var (text, style) in spans)
                if (text.Length > 0) _console.Write(new Spectre.Console.Text(TerminalText.Printable(text), style));
            _console.Write(new Spectre.Console.Text("\n"));
        }
    }
}
