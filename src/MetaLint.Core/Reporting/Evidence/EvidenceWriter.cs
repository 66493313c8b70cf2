using System.Text.Json;
using MetaLint.Core.IO;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting.Evidence;

/// Writes the audit evidence JSON.
public static class EvidenceWriter
{
    public const string SchemaVersion = "1";

    public static void Write(EvidenceRecord e, Stream output)
    {
        using var w = new Utf8JsonWriter(output, JsonText.Options);
        w.WriteStartObject();
        w.WriteString("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", "MetaLint");
        w.WriteString("version", Report.ToolVersion);
        w.WriteEndObject();
        w.WriteString("timestamp", e.Timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        if (e.ConfigPath != null) w.WriteString("config", e.ConfigPath); else w.WriteNull("config");

        w.WritePropertyName("commit");
        WriteCommit(w, e.Head);
        w.WritePropertyName("base");
        if (e.Base == null) w.WriteNullValue();
        else
        {
            w.WriteStartObject();
            w.WriteString("ref", e.Base.BaseRef);
            w.WriteString("sha", e.Base.BaseCommit.Sha);
            w.WriteNumber("findingsAtBase", e.Base.BaseFindings);
            w.WriteEndObject();
        }

        w.WriteStartObject("paths");
        WriteStrings(w, "inputs", e.Inputs);
        WriteStrings(w, "files", e.FilesAnalysed);
        w.WriteEndObject();

        var findings = e.Report.Findings;
        w.WriteStartObject("counts");
        w.WriteNumber("total", e.Report.Active.Count());
        w.WriteNumber("suppressed", e.Report.SuppressedCount);
        w.WriteStartObject("byLevel");
        foreach (var level in new[] { RuleLevel.Error, RuleLevel.Warning, RuleLevel.Note })
            w.WriteNumber(level.ToText(), e.Report.Count(level));
        w.WriteEndObject();
        w.WriteStartObject("byRule");
        foreach (var group in e.Report.Active.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(group.Key);
            foreach (var level in group.GroupBy(f => f.Level).OrderByDescending(l => l.Key))
                w.WriteNumber(level.Key.ToText(), level.Count());
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();

        // In PR mode the report holds only what the change introduces; otherwise everything found.
        w.WriteStartArray("findings");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("level", f.Level.ToText());
            w.WriteString("message", f.Message);
            w.WriteString("path", f.Path);
            w.WriteNumber("line", f.Span.StartLine);
            w.WriteString("component", $"{f.ComponentKind}:{f.ComponentName}");
            w.WriteString("fingerprint", f.Fingerprint);
            w.WriteBoolean("suppressed", f.IsSuppressed);
            if (f.Suppression is { } s) w.WriteString("justification", s.Justification);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("exceptionsApplied");
        foreach (var (entry, count) in e.AppliedExceptions.OrderBy(x => x.Key.Line))
        {
            w.WriteStartObject();
            w.WriteString("rule", entry.Rule);
            if (entry.Component != null) w.WriteString("component", entry.Component);
            if (entry.Path != null) w.WriteString("path", entry.Path);
            w.WriteString("justification", entry.Justification);
            if (entry.ApprovedBy != null) w.WriteString("approvedBy", entry.ApprovedBy); else w.WriteNull("approvedBy");
            if (entry.Expires is { } x) w.WriteString("expires", x.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); else w.WriteNull("expires");
            w.WriteNumber("findingsSuppressed", count);
            w.WriteNumber("line", entry.Line);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (e.Score is { } score) w.WriteNumber("score", score); else w.WriteNull("score");
        w.WriteStartObject("gate");
        w.WriteString("failOn", e.Gate.FailOn);
        w.WriteString("decision", e.Gate.Passed ? "pass" : "fail");
        w.WriteNumber("exitCode", e.Gate.ExitCode);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteCommit(Utf8JsonWriter w, CommitInfo? c)
    {
        if (c == null) { w.WriteNullValue(); return; }
        w.WriteStartObject();
        w.WriteString("sha", c.Sha);
        w.WriteString("message", c.MessageShort);
        w.WriteStartObject("author");
        w.WriteString("name", c.AuthorName);
        w.WriteString("email", c.AuthorEmail);
        w.WriteString("when", c.AuthorWhen.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteStartObject("committer");
        w.WriteString("name", c.CommitterName);
        w.WriteString("email", c.CommitterEmail);
        w.WriteString("when", c.CommitterWhen.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
