using System.Globalization;

namespace MetaLint.Core.Baselines;

/// One setting of a baseline, in either form. Raw attribute text is kept so conversion loses nothing.
internal sealed record BaselineSetting(string Key, RiskGroup Risk, BaselineForm Form, BaselineOrigin Origin)
{
    /// Who set the value, for messages: "the Salesforce Baseline Standard", "team-baseline.json".
    public string Source { get; init; } = "";

    // XML form (also carried by the JSON "xml" extension).
    public BaselineXmlElement? Element { get; init; }
    public string? Compliant { get; init; }
    public string? Warning { get; init; }
    public string? Critical { get; init; }
    public string? NonCompliant { get; init; }

    // JSON form.
    public string? SettingAsWritten { get; init; }
    public string? Group { get; init; }
    public string? StandardValue { get; init; }

    /// standardValue parsed for a mapped key.
    public SettingValue? Standard { get; init; }

    public SettingDefinition? Definition => SettingCatalog.Find(Key);

    /// Status of a value; null when this entry cannot judge it (wrong kind of value, unusable thresholds).
    public ComplianceStatus? Evaluate(SettingValue value)
    {
        var d = Definition;
        if (Form == BaselineForm.Json)
        {
            if (d == null || Standard is not { } std) return null;
            if (d.Type == SettingValueType.Boolean)
                return value.Bool is not { } b || std.Bool is not { } s ? null
                    : b != s && s == d.SecureValue ? ComplianceStatus.Critical : ComplianceStatus.Compliant;
            if (value.Number is not { } v || std.Number is not { } n) return null;
            return d.Weaker(v, n) ? ComplianceStatus.Critical : ComplianceStatus.Compliant;
        }
        switch (Element)
        {
            case BaselineXmlElement.Boolean:
                if (value.Bool is not { } actual || SettingCatalog.ParseBool(Compliant ?? "") is not { } wanted) return null;
                return actual == wanted ? ComplianceStatus.Compliant : ParseStatus(NonCompliant);
            case BaselineXmlElement.NumericRange:
                if (value.Number is not { } v || Number(Compliant) is not { } c || Number(Warning) is not { } w) return null;
                var higher = c > w || (c == w && (d?.HigherIsStronger ?? true));
                if (c == w) return v == c || (higher ? v > c : v < c) ? ComplianceStatus.Compliant : ComplianceStatus.Critical;
                if (higher) return v >= c ? ComplianceStatus.Compliant : v >= w ? ComplianceStatus.Warning : ComplianceStatus.Critical;
                return v <= c ? ComplianceStatus.Compliant : v <= w ? ComplianceStatus.Warning : ComplianceStatus.Critical;
            case BaselineXmlElement.Enum:
                var literal = value.Literal ?? (value.Number is { } num ? BaselineText.Natural(num) : value.Bool?.ToString().ToLowerInvariant());
                if (literal == null) return null;
                if (InList(Compliant, literal)) return ComplianceStatus.Compliant;
                if (InList(Warning, literal)) return ComplianceStatus.Warning;
                return ComplianceStatus.Critical;   // in the critical list, or in no list
            default:
                return null;
        }
    }

    /// The weakest status a value can get: warning when the entry has no critical tier (a boolean whose
    /// nonCompliant is warning, an enum without a critical list that lists every literal), else critical.
    public ComplianceStatus WorstStatus =>
        Form == BaselineForm.Xml && (
            (Element == BaselineXmlElement.Boolean && ParseStatus(NonCompliant) == ComplianceStatus.Warning) ||
            (Element == BaselineXmlElement.Enum && List(Critical).Count == 0 && AllLiteralsListed()))
            ? ComplianceStatus.Warning
            : ComplianceStatus.Critical;

    /// What the baseline wants, in words, for messages: "at least 8 characters", "at most 3 attempts",
    /// "SpecialCharacters or stronger", "true", "at least one trusted IP range, none wider than a /8".
    public string Wants
    {
        get
        {
            var d = Definition;
            if (d?.Reader != null) return "at least one trusted IP range, none wider than a /8";
            var std = Form == BaselineForm.Json ? StandardValue ?? "" : BaselineWriter.StandardValue(this);
            if (d == null || d.Type == SettingValueType.Boolean) return std;
            if (d.Unit.Length > 0 && Number(std) is { } n)
                return $"{(d.HigherIsStronger ? "at least" : "at most")} {BaselineText.Natural(n)} {d.Unit}";
            var compliant = Form == BaselineForm.Json ? [std] : List(Compliant);
            return compliant.Count > 1 || Form == BaselineForm.Json ? $"{std} or stronger" : std;
        }
    }

    /// An enum entry whose compliant and warning lists name every literal: it can never give critical.
    public bool AllLiteralsListed() =>
        Definition is { Type: SettingValueType.Enum } d &&
        d.Literals.All(l => InList(Compliant, l.Name) || InList(Warning, l.Name));

    public static IReadOnlyList<string> List(string? csv) =>
        string.IsNullOrWhiteSpace(csv) ? [] : csv.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool InList(string? csv, string literal) =>
        List(csv).Contains(literal, StringComparer.OrdinalIgnoreCase);

    public static double? Number(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    public static ComplianceStatus? ParseStatus(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "warning" => ComplianceStatus.Warning,
        "critical" => ComplianceStatus.Critical,
        _ => null,
    };
}
