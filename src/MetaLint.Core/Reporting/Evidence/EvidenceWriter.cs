using System.Text.Json;
using MetaLint.Core.IO;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting.Evidence;

/// Writes the audit evidence JSON.
internal static class EvidenceWriter
{
    public const string SchemaVersion = "2";

    private static readonly JsonWriterOptions OneLine = JsonText.Options with { Indented = false };

    /// Writes the record; a chained record is one line and carries the SHA-256 of the previous line (null first).
    public static void Write(EvidenceRecord e, Stream output, bool chained = false, string? previousHash = null)
    {
        using var w = new Utf8JsonWriter(output, chained ? OneLine : JsonText.Options);
        w.WriteStartObject();
        w.WriteString("schemaVersion", SchemaVersion);
        if (chained)
        {
            if (previousHash != null) w.WriteString("previousHash", previousHash); else w.WriteNull("previousHash");
        }
        w.WriteStartObject("tool");
        w.WriteString("name", "MetaLint");
        w.WriteString("version", Report.ToolVersion);
        w.WriteEndObject();
        w.WriteString("timestamp", Utc(e.Timestamp));
        if (e.ConfigPath != null) w.WriteString("config", e.ConfigPath); else w.WriteNull("config");

        w.WriteStartObject("initiator");
        w.WriteString("source", e.Initiator.Source);
        OptionalString(w, "user", e.Initiator.User);
        OptionalString(w, "email", e.Initiator.Email);
        OptionalString(w, "runId", e.Initiator.RunId);
        OptionalString(w, "runUrl", e.Initiator.RunUrl);
        OptionalString(w, "event", e.Initiator.Event);
        w.WriteEndObject();
        w.WriteStartObject("time");
        w.WriteString("start", Utc(e.Started));
        w.WriteString("end", Utc(e.Timestamp));
        w.WriteEndObject();

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
        w.WriteNumber("total", e.Report.Tally.ActiveTotal);
        w.WriteNumber("suppressed", e.Report.SuppressedCount);
        w.WriteStartObject("byLevel");
        foreach (var level in new[] { RuleLevel.Error, RuleLevel.Warning, RuleLevel.Note })
            w.WriteNumber(level.ToText(), e.Report.Count(level));
        w.WriteEndObject();
        w.WriteStartObject("byRule");
        foreach (var (id, (_, byLevel)) in e.Report.Tally.ByRule.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(id);
            foreach (var level in new[] { RuleLevel.Error, RuleLevel.Warning, RuleLevel.Note })
                if (byLevel[(int)level] > 0) w.WriteNumber(level.ToText(), byLevel[(int)level]);
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

        WriteChanges(w, e);
        WriteApprovals(w, e);
        WriteValidations(w, e);
        WriteFixed(w, e.Base);
        w.WriteEndObject();
    }

    /// The files the change touches (PR mode; null otherwise) and every escalation it introduces, accepted or not.
    private static void WriteChanges(Utf8JsonWriter w, EvidenceRecord e)
    {
        w.WriteStartObject("changes");
        if (e.Base == null) w.WriteNull("files"); else WriteStrings(w, "files", e.Base.ChangedFiles);
        w.WriteStartArray("escalations");
        foreach (var f in e.Base == null ? [] : e.Report.Findings.Where(f => f.Rule.Category != RuleCategory.Suppressions))
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("component", $"{f.ComponentKind}:{f.ComponentName}");
            w.WriteString("change", EscalationSummary.Label(f));
            w.WriteString("level", f.Level.ToText());
            w.WriteBoolean("accepted", f.IsSuppressed);
            OptionalString(w, "approvedBy", f.Suppression?.ApprovedBy);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// Each exception used, who approved it, when, and how that was verified (PR mode checks it against git history;
    /// outside it the working tree's rules.yml is taken as it is).
    private static void WriteApprovals(Utf8JsonWriter w, EvidenceRecord e)
    {
        w.WriteStartArray("approvals");
        var judged = e.Base?.Approvals ?? e.AppliedExceptions.Keys.OrderBy(x => x.Line)
            .Select(x => new ExceptionApproval(x, x.ApprovedBy, true, "not verified: outside PR mode rules.yml is taken as found"));
        foreach (var a in judged)
        {
            w.WriteStartObject();
            OptionalString(w, "rule", a.Entry?.Rule);
            w.WriteString("target", a.Entry?.Target ?? "inline comment");
            OptionalString(w, "approvedBy", a.Approver);
            w.WriteBoolean("honoured", a.Honoured);
            w.WriteString("verification", a.Verification);
            OptionalString(w, "commit", a.Commit?.Sha);
            OptionalString(w, "date", a.Commit is { } c ? When(c.AuthorWhen) : null);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// Every gate with its verdict, and the score at the base and at the head.
    private static void WriteValidations(Utf8JsonWriter w, EvidenceRecord e)
    {
        w.WriteStartObject("validations");
        w.WriteString("failOn", e.Gate.FailOn);
        OptionalString(w, "environment", e.Gate.Environment);
        if (e.Gate.MinScore is { } min) w.WriteNumber("minScore", min); else w.WriteNull("minScore");
        w.WriteStartArray("gates");
        foreach (var c in e.Gate.Checks)
        {
            w.WriteStartObject();
            w.WriteString("gate", c.Gate);
            w.WriteString("requirement", c.Requirement);
            w.WriteString("actual", c.Actual);
            w.WriteBoolean("passed", c.Passed);
            w.WriteBoolean("enforced", c.Enforced);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("decision", e.Gate.Passed ? "pass" : "fail");
        w.WriteNumber("exitCode", e.Gate.ExitCode);
        w.WriteStartObject("score");
        if (e.Score is { } head) w.WriteNumber("head", head); else w.WriteNull("head");
        if (e.Base?.BaseScore?.Score is { } at) w.WriteNumber("base", at); else w.WriteNull("base");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// The remediation log: findings present at the base and gone now, with the commit that removed each.
    private static void WriteFixed(Utf8JsonWriter w, BaseComparison? comparison)
    {
        w.WriteStartArray("fixed");
        foreach (var x in comparison?.Fixed ?? [])
        {
            w.WriteStartObject();
            w.WriteString("ruleId", x.Finding.RuleId);
            w.WriteString("component", $"{x.Finding.ComponentKind}:{x.Finding.ComponentName}");
            w.WriteString("message", x.Finding.Message);
            w.WriteString("path", x.RepoPath);
            w.WriteString("fingerprint", x.Finding.Fingerprint);
            w.WritePropertyName("removedBy");
            if (x.RemovedBy is not { } c) w.WriteNullValue();
            else
            {
                w.WriteStartObject();
                w.WriteString("sha", c.Sha);
                w.WriteString("author", c.AuthorEmail);
                w.WriteString("when", When(c.AuthorWhen));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value != null) w.WriteString(name, value); else w.WriteNull(name);
    }

    private static string Utc(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string When(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteCommit(Utf8JsonWriter w, CommitInfo? c)
    {
        if (c == null) { w.WriteNullValue(); return; }
        w.WriteStartObject();
        w.WriteString("sha", c.Sha);
        w.WriteString("message", c.MessageShort);
        w.WriteStartObject("author");
        w.WriteString("name", c.AuthorName);
        w.WriteString("email", c.AuthorEmail);
        w.WriteString("when", When(c.AuthorWhen));
        w.WriteEndObject();
        w.WriteStartObject("committer");
        w.WriteString("name", c.CommitterName);
        w.WriteString("email", c.CommitterEmail);
        w.WriteString("when", When(c.CommitterWhen));
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
