using MetaLint.Core.IO;
using MetaLint.Core.Rules;
using MetaLint.Core.Suppressions;

namespace MetaLint.Core.Reporting.Json;

/// A simple JSON document: tool version, a flat list of findings, then the summary counts and the score (schema in
/// README). Written as the findings come: the counts follow them because a streamed run knows them only at the end.
internal sealed class JsonReporter : IReporter
{
    public void Write(Report report, TextWriter output)
    {
        JsonText.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("tool", "MetaLint");
            w.WriteString("version", Report.ToolVersion);
            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("ruleName", f.Rule.Name);
                w.WriteString("level", f.Level.ToText());
                w.WriteString("message", f.Message);
                w.WriteString("path", f.Path);
                w.WriteNumber("startLine", f.Span.StartLine);
                w.WriteNumber("startColumn", f.Span.StartColumn);
                w.WriteNumber("endLine", f.Span.EndLine);
                w.WriteNumber("endColumn", f.Span.EndColumn);
                w.WriteString("componentType", f.ComponentKind.ToString());
                w.WriteString("component", f.ComponentName);
                w.WriteString("subject", f.Subject);
                w.WriteString("fingerprint", f.Fingerprint);
                if (f.Suppression is { } sup)
                {
                    w.WriteStartObject("suppression");
                    w.WriteString("kind", sup.Source == SuppressionSource.Inline ? "inSource" : "external");
                    w.WriteString("justification", sup.Justification);
                    if (sup.ApprovedBy != null) w.WriteString("approvedBy", sup.ApprovedBy);
                    if (sup.Expires is { } e) w.WriteString("expires", e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                JsonText.Flushed(w);
            }
            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("files", report.FilesAnalysed);
            w.WriteNumber("findings", report.Tally.ActiveTotal);
            w.WriteNumber("errors", report.Count(RuleLevel.Error));
            w.WriteNumber("warnings", report.Count(RuleLevel.Warning));
            w.WriteNumber("notes", report.Count(RuleLevel.Note));
            w.WriteNumber("suppressed", report.SuppressedCount);
            w.WriteNumber("accepted", report.Tally.AcceptedTotal);
            w.WriteEndObject();
            if (report.Score is { Score: { } score } health)
            {
                w.WriteStartObject("healthCheck");
                w.WriteNumber("score", score);
                w.WriteString("grade", health.GradeText);
                w.WriteBoolean("approximate", true);
                w.WriteString("baseline", health.Baseline.DisplayName);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }
}
