using MetaLint.Core.Rules;
using Spectre.Console;

namespace MetaLint.Core.Reporting.Text;

/// Human output grouped by file: "line:col  level  rule  message", then a summary. Colour only when asked.
public sealed class TextReporter(bool color) : IReporter
{
    public void Write(Report report, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 100_000;   // never wrap: lines stay greppable and output deterministic

        if (report.Base is { } comparison)
        {
            foreach (var line in EscalationSummary.Lines(report.Findings, comparison))
                console.MarkupLine(Markup.Escape(line));
            console.WriteLine();
        }

        foreach (var group in report.Active.GroupBy(f => f.Path))
        {
            console.MarkupLine($"[underline]{Markup.Escape(group.Key)}[/]");
            var rows = group.Select(f => (Pos: $"{f.Span.StartLine}:{f.Span.StartColumn}", f)).ToList();
            var width = rows.Max(r => r.Pos.Length);
            foreach (var (pos, f) in rows)
            {
                var level = f.Level.ToText();
                console.MarkupLine(
                    $"  {pos.PadRight(width)}  [{Style(f.Level)}]{level,-7}[/]  [dim]{f.RuleId}[/]  {Markup.Escape(f.Message)}");
            }
            console.WriteLine();
        }
        console.MarkupLine(Summary(report));
    }

    private static string Summary(Report report)
    {
        var total = report.Active.Count();
        var files = report.FilesAnalysed == 1 ? "1 file" : $"{report.FilesAnalysed} files";
        var suppressed = report.SuppressedCount > 0 ? $" {report.SuppressedCount} suppressed (see SARIF or JSON for justifications)." : "";
        if (total == 0) return $"[green]No problems found[/] in {files}.{suppressed}";
        var parts = new[] { (RuleLevel.Error, "error"), (RuleLevel.Warning, "warning"), (RuleLevel.Note, "note") }
            .Select(p => (Count: report.Count(p.Item1), Name: p.Item2))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Name}{(p.Count == 1 ? "" : "s")}");
        return $"[bold]{total} problem{(total == 1 ? "" : "s")}[/] ({string.Join(", ", parts)}) in {files}.{suppressed}";
    }

    private static string Style(RuleLevel level) => level switch
    {
        RuleLevel.Error => "red",
        RuleLevel.Warning => "yellow",
        _ => "blue",
    };
}
