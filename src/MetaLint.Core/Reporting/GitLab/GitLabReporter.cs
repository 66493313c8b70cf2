using MetaLint.Core.IO;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting.GitLab;

/// GitLab Code Quality report (artifacts:reports:codequality): a JSON array of issues; suppressed ones omitted.
internal sealed class GitLabReporter : IReporter
{
    public void Write(Report report, TextWriter output)
    {
        JsonText.Write(output, w =>
        {
            w.WriteStartArray();
            foreach (var f in report.Active)
            {
                w.WriteStartObject();
                w.WriteString("description", f.Message);
                w.WriteString("check_name", f.RuleId);
                w.WriteString("fingerprint", f.Fingerprint);
                w.WriteString("severity", Severity(f.Level));
                w.WriteStartObject("location");
                w.WriteString("path", f.Path);
                w.WriteStartObject("lines");
                w.WriteNumber("begin", f.Span.StartLine);
                w.WriteNumber("end", f.Span.EndLine);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                JsonText.Flushed(w);
            }
            w.WriteEndArray();
        });
    }

    /// GitLab's scale: info, minor, major, critical, blocker.
    public static string Severity(RuleLevel level) => level switch
    {
        RuleLevel.Error => "critical",
        RuleLevel.Warning => "major",
        _ => "minor",
    };
}
