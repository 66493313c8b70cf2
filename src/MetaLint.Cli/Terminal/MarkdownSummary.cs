using System.Globalization;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Evidence;
using MetaLint.Core.Rules;

namespace MetaLint.Cli.Terminal;

/// A Markdown job summary (GitHub's $GITHUB_STEP_SUMMARY): the gate decision and each gate, counts, what the change
/// escalates, and the score.
internal static class MarkdownSummary
{
    public static void Write(Report report, GateDecision gate, TextWriter w)
    {
        w.Write($"## MetaLint: {(gate.Passed ? "passed" : "failed")} (exit code {gate.ExitCode})\n\n");
        w.Write("| Gate | Requires | Result | |\n|---|---|---|---|\n");
        foreach (var c in gate.Checks)
            w.Write($"| {Cell(c.Gate)} | {Cell(c.Requirement)} | {Cell(c.Actual)} | " +
                    $"{(c.Passed ? "pass" : c.Enforced ? "**fail**" : "warning")} |\n");
        w.Write($"\n{report.FilesAnalysed} file(s) analysed. | Level | Active | Suppressed |\n|---|---|---|\n");
        foreach (var level in new[] { RuleLevel.Error, RuleLevel.Warning, RuleLevel.Note })
            w.Write($"| {level.ToText()} | {report.Count(level)} | {report.Tally.Suppressed(level)} |\n");
        if (report.Base is { } comparison)
        {
            w.Write("\n");
            foreach (var line in EscalationSummary.Lines(report.Findings, comparison))
                w.Write(line.StartsWith("  ", StringComparison.Ordinal) ? $"- {Inline(line.Trim())}\n" : $"\n{Inline(line)}\n\n");
        }
        if (report.Score is { Score: { } score } health)
            w.Write($"\nApproximate Health Check score: **{score.ToString("0.0", CultureInfo.InvariantCulture)}** " +
                    $"({health.GradeText}) against {Inline(health.Baseline.Name)}.\n");
        w.Write("\n");
    }

    /// Text from the repository (component names, messages) cannot break out of a table cell or start markup.
    private static string Cell(string text) => Inline(text).Replace("|", "\\|");

    private static string Inline(string text) => TerminalText.Printable(text)
        .Replace("\\", "\\\\").Replace("<", "&lt;").Replace(">", "&gt;").Replace("`", "\\`")
        .Replace("*", "\\*").Replace("_", "\\_").Replace("[", "\\[").Replace("]", "\\]");
}
