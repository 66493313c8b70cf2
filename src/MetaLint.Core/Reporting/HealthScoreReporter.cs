using System.Globalization;
using System.Text;
using MetaLint.Core.Baselines;
using MetaLint.Core.IO;

namespace MetaLint.Core.Reporting;

/// The `metalint baseline score` report, in text and JSON.
internal static class HealthScoreReporter
{
    public const string Disclaimer =
        "This is an approximation: Salesforce does not publish the weights behind its Health Check score, so MetaLint uses its own.";

    private static string Num(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Where(SettingAssessment a) =>
        a.Reading != null ? $"{a.Component.File.RelativePath}:{a.Reading.Location.Span.StartLine}" : a.Component.File.RelativePath;

    public static string Text(HealthScore h)
    {
        var sb = new StringBuilder();
        sb.Append(h.Score is { } score
            ? $"Approximate Health Check score: {Num(score)} / 100 ({h.GradeText})\n"
            : "Approximate Health Check score: not available (no weighted setting could be determined from source)\n");
        sb.Append($"Baseline: {h.Baseline.DisplayName}{(h.Baseline.Path == null ? " (bundled)" : $" ({h.Baseline.Path}, over the bundled {Baseline.StandardName})")}\n\n");
        sb.Append(Disclaimer).Append('\n');
        sb.Append("Weights: high risk 3, medium risk 2, low risk 1, informational 0. Credit: compliant 1, warning 0.5, critical 0.\n");
        sb.Append($"Score = 100 x sum(weight x credit) / sum(weight) over the settings found in source = 100 x {Num(h.Earned)} / {h.WeightTotal}.\n");
        sb.Append("Grades: 90+ Excellent, 80-89 Very Good, 70-79 Good, 55-69 Poor, below 55 Very Poor.\n");

        var found = h.Determined.ToList();
        sb.Append($"\nSettings found in source ({found.Count}):\n");
        Table(sb, found.Select(a => new[]
        {
            a.Status!.Value.Label(), a.Setting.Risk.Label(), a.Definition.Key, a.Reading!.Display, Where(a),
        }).Prepend(["STATUS", "RISK", "SETTING", "VALUE", "FILE"]));

        var unknown = h.NotDeterminable.ToList();
        sb.Append($"\nNot determinable ({unknown.Count}): the files can set these but do not, or set a value MetaLint does not recognise:\n");
        Table(sb, unknown.Select(a => new[] { a.Setting.Risk.Label(), a.Definition.Key, a.Reading?.Display ?? "(not set)", Where(a) })
            .Prepend(["RISK", "SETTING", "VALUE", "FILE"]));

        sb.Append($"\nNot checkable from source ({h.NotCheckable.Count}): no metadata file MetaLint reads shows these settings:\n");
        Table(sb, h.NotCheckable.Select(s => new[] { s.Risk.Label(), s.Key }).Prepend(["RISK", "SETTING"]));
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count <= 1) { sb.Append("  (none)\n"); return; }
        var widths = Enumerable.Range(0, list[0].Length).Select(i => list.Max(r => r[i].Length)).ToArray();
        foreach (var row in list)
            sb.Append("  ").Append(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))))
              .Append('\n');
    }

    /// The same report as JSON; minScore and passed are the --min-score threshold and its outcome, if one was asked for.
    public static string Json(HealthScore h, double? minScore = null, bool? passed = null)
    {
        var json = JsonText.Write(w =>
        {
            w.WriteStartObject();
            if (h.Score is { } score) w.WriteNumber("score", score); else w.WriteNull("score");
            if (h.GradeText is { } grade) w.WriteString("grade", grade); else w.WriteNull("grade");
            w.WriteBoolean("approximate", true);
            w.WriteString("note", Disclaimer);
            w.WriteString("baseline", h.Baseline.DisplayName);
            if (h.Baseline.Path is { } path) w.WriteString("baselineFile", path);
            w.WriteStartObject("weights");
            foreach (var risk in Enum.GetValues<RiskGroup>()) w.WriteNumber(risk.Label(), HealthScore.Weight(risk));
            w.WriteEndObject();
            w.WriteStartObject("credit");
            foreach (var status in Enum.GetValues<ComplianceStatus>()) w.WriteNumber(status.Label(), HealthScore.Credit(status));
            w.WriteEndObject();
            w.WriteNumber("earned", h.Earned);
            w.WriteNumber("weightTotal", h.WeightTotal);
            if (minScore is { } min)
            {
                w.WriteNumber("minScore", min);
                w.WriteBoolean("passed", passed ?? false);
            }
            w.WriteStartArray("settings");
            foreach (var a in h.Assessments)
            {
                w.WriteStartObject();
                w.WriteString("setting", a.Definition.Key);
                w.WriteString("risk", a.Setting.Risk.Label());
                if (a.Status is { } status) w.WriteString("status", status.Label()); else w.WriteString("status", "not determinable");
                if (a.Reading != null) w.WriteString("value", a.Reading.Display); else w.WriteNull("value");
                w.WriteString("path", a.Component.File.RelativePath);
                if (a.Reading != null) w.WriteNumber("line", a.Reading.Location.Span.StartLine); else w.WriteNull("line");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("notCheckable");
            foreach (var s in h.NotCheckable)
            {
                w.WriteStartObject();
                w.WriteString("setting", s.Key);
                w.WriteString("risk", s.Risk.Label());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return json;
    }
}
