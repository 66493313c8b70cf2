using System.Globalization;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Baselines;

/// Health Check risk categories; in the XML the container is the category.
public enum RiskGroup { High, Medium, Low, Informational }

/// The outcome of comparing a value with a baseline setting.
public enum SettingStatus { Compliant, Warning, Critical }

/// The two file forms (contract.md, Baselines).
public enum BaselineForm { Xml, Json }

/// The XML setting element types.
public enum SettingElement { Boolean, NumericRange, Enum }

public static class BaselineText
{
    public static string Container(this RiskGroup risk) => risk switch
    {
        RiskGroup.High => "highRiskSecuritySettings",
        RiskGroup.Medium => "mediumRiskSecuritySettings",
        RiskGroup.Low => "lowRiskSecuritySettings",
        _ => "informationalSecuritySettings",
    };

    public static string RiskType(this RiskGroup risk) => risk switch
    {
        RiskGroup.High => "HIGH_RISK",
        RiskGroup.Medium => "MEDIUM_RISK",
        RiskGroup.Low => "LOW_RISK",
        _ => "INFORMATIONAL",
    };

    public static string Label(this RiskGroup risk) => risk switch
    {
        RiskGroup.High => "high",
        RiskGroup.Medium => "medium",
        RiskGroup.Low => "low",
        _ => "informational",
    };

    public static string ElementName(this SettingElement e) => e switch
    {
        SettingElement.Boolean => "booleanSetting",
        SettingElement.NumericRange => "numericRangeSetting",
        _ => "enumSetting",
    };

    public static string Label(this SettingStatus s) => s.ToString().ToLowerInvariant();

    /// The contract's security-severity per risk group; informational settings carry none.
    public static decimal? SecuritySeverity(this RiskGroup risk) => risk switch
    {
        RiskGroup.High => 8.0m,
        RiskGroup.Medium => 5.5m,
        RiskGroup.Low => 3.0m,
        _ => null,
    };

    /// "8.0" for numbers the XML writes as decimals.
    public static string Decimal(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    /// "8" for numbers JSON standardValue writes in natural units.
    public static string Natural(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// Where an entry was written, for messages: "strict.xml:6" or "team.json entry 3 (line 4)".
public sealed record BaselineOrigin(string File, int Line, int Entry)
{
    public override string ToString() =>
        Entry > 0 ? $"{File} entry {Entry}{(Line > 0 ? $" (line {Line})" : "")}" : $"{File}:{Line}";
}

/// One setting of a baseline, in either form. Raw attribute text is kept so conversion loses nothing.
public sealed record BaselineSetting(string Key, RiskGroup Risk, BaselineForm Form, BaselineOrigin Origin)
{
    /// Who set the value, for messages: "the Salesforce Baseline Standard", "team-baseline.json".
    public string Source { get; init; } = "";

    // XML form (also carried by the JSON "xml" extension).
    public SettingElement? Element { get; init; }
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
    public SettingStatus? Evaluate(SettingValue value)
    {
        var d = Definition;
        if (Form == BaselineForm.Json)
        {
            if (d == null || Standard is not { } std) return null;
            if (d.Type == SettingType.Boolean)
                return value.Bool is not { } b || std.Bool is not { } s ? null
                    : b != s && s == d.SecureValue ? SettingStatus.Critical : SettingStatus.Compliant;
            if (value.Number is not { } v || std.Number is not { } n) return null;
            return d.Weaker(v, n) ? SettingStatus.Critical : SettingStatus.Compliant;
        }
        switch (Element)
        {
            case SettingElement.Boolean:
                if (value.Bool is not { } actual || SettingCatalog.ParseBool(Compliant ?? "") is not { } wanted) return null;
                return actual == wanted ? SettingStatus.Compliant : ParseStatus(NonCompliant);
            case SettingElement.NumericRange:
                if (value.Number is not { } v || Number(Compliant) is not { } c || Number(Warning) is not { } w) return null;
                var higher = c > w || (c == w && (d?.HigherIsStronger ?? true));
                if (c == w) return v == c || (higher ? v > c : v < c) ? SettingStatus.Compliant : SettingStatus.Critical;
                if (higher) return v >= c ? SettingStatus.Compliant : v >= w ? SettingStatus.Warning : SettingStatus.Critical;
                return v <= c ? SettingStatus.Compliant : v <= w ? SettingStatus.Warning : SettingStatus.Critical;
            case SettingElement.Enum:
                var literal = value.Literal ?? (value.Number is { } num ? BaselineText.Natural(num) : value.Bool?.ToString().ToLowerInvariant());
                if (literal == null) return null;
                if (InList(Compliant, literal)) return SettingStatus.Compliant;
                if (InList(Warning, literal)) return SettingStatus.Warning;
                return SettingStatus.Critical;   // in the critical list, or in no list (domain.md 5.3)
            default:
                return null;
        }
    }

    /// The finding level for a status (contract.md, ML3): XML by status, at most note when informational;
    /// JSON by riskType.
    public RuleLevel LevelFor(SettingStatus status)
    {
        if (status == SettingStatus.Compliant) return RuleLevel.None;
        if (Form == BaselineForm.Json)
            return Risk switch
            {
                RiskGroup.High => RuleLevel.Error,
                RiskGroup.Medium => RuleLevel.Warning,
                RiskGroup.Low => RuleLevel.Note,
                _ => RuleLevel.None,
            };
        if (Risk == RiskGroup.Informational) return RuleLevel.Note;
        return status == SettingStatus.Critical ? RuleLevel.Error : RuleLevel.Warning;
    }

    /// The strongest level this entry can give: the rule's default level in a run.
    public RuleLevel MaxLevel => Form == BaselineForm.Json
        ? LevelFor(SettingStatus.Critical)
        : Risk == RiskGroup.Informational ? RuleLevel.Note
        : Element == SettingElement.Boolean && ParseStatus(NonCompliant) == SettingStatus.Warning ? RuleLevel.Warning
        : Element == SettingElement.Enum && List(Critical).Count == 0 && AllLiteralsListed() ? RuleLevel.Warning
        : RuleLevel.Error;

    /// What compliant means, for messages: "compliant: ThreeAttempts", "standard: 12".
    public string Expectation => Form == BaselineForm.Json
        ? $"at least as strong as {StandardValue}, {Risk.RiskType()}"
        : Element switch
        {
            SettingElement.Boolean => $"compliant: {Compliant}",
            SettingElement.NumericRange => $"compliant: {Compliant}, warning: {Warning}",
            _ => $"compliant: {Compliant}",
        };

    private bool AllLiteralsListed() =>
        Definition is { Type: SettingType.Enum } d &&
        d.Literals.All(l => InList(Compliant, l.Name) || InList(Warning, l.Name));

    public static IReadOnlyList<string> List(string? csv) =>
        string.IsNullOrWhiteSpace(csv) ? [] : csv.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool InList(string? csv, string literal) =>
        List(csv).Contains(literal, StringComparer.OrdinalIgnoreCase);

    public static double? Number(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    public static SettingStatus? ParseStatus(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "warning" => SettingStatus.Warning,
        "critical" => SettingStatus.Critical,
        _ => null,
    };
}

/// A loaded baseline: its settings in file order. Custom baselines overlay the bundled standard key by key.
public sealed class Baseline
{
    public const string StandardResource = "MetaLint.Baselines.SalesforceBaselineStandard.xml";
    public const string StandardSource = "the Salesforce Baseline Standard";

    public Baseline(string name, string? developerName, BaselineForm form, string? path, IReadOnlyList<BaselineSetting> settings)
    {
        Name = name;
        DeveloperName = developerName;
        Form = form;
        Path = path;
        Settings = settings;
    }

    public string Name { get; }
    public string? DeveloperName { get; }
    public BaselineForm Form { get; }

    /// The file it came from; null for the bundled standard.
    public string? Path { get; }

    public IReadOnlyList<BaselineSetting> Settings { get; }

    /// The first entry for a key (lint reports duplicates).
    public BaselineSetting? Find(string key) =>
        Settings.FirstOrDefault(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    private static readonly Lazy<Baseline> LazyStandard = new(() =>
    {
        using var stream = typeof(Baseline).Assembly.GetManifestResourceStream(StandardResource)
                           ?? throw new InvalidOperationException($"missing embedded resource {StandardResource}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var parsed = BaselineLoader.Parse(buffer.ToArray(), "Salesforce Baseline Standard (bundled)", StandardSource);
        return new Baseline(parsed.Name, parsed.DeveloperName, parsed.Form, path: null, parsed.Settings);
    });

    /// The Salesforce Baseline Standard (domain.md 5.2), embedded verbatim.
    public static Baseline Standard => LazyStandard.Value;

    /// The raw bytes of the bundled standard.
    public static byte[] StandardBytes()
    {
        using var stream = typeof(Baseline).Assembly.GetManifestResourceStream(StandardResource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// The baseline in effect: every standard setting, replaced by the custom entry of the same key where there is
    /// one, then the custom keys the standard lacks. Null custom means the standard alone.
    public static Baseline Effective(Baseline? custom)
    {
        if (custom == null) return Standard;
        var merged = Standard.Settings.Select(s => custom.Find(s.Key) ?? s).ToList();
        var seen = new HashSet<string>(merged.Select(s => s.Key), StringComparer.OrdinalIgnoreCase);
        foreach (var s in custom.Settings)
            if (seen.Add(s.Key)) merged.Add(s);
        return new Baseline(custom.Name, custom.DeveloperName, custom.Form, custom.Path, merged);
    }
}

/// A baseline file that cannot be used: names the file, the entry and the problem (exit code 2).
public sealed class BaselineException(string file, string entry, string problem)
    : Exception(entry.Length > 0 ? $"{file}: {entry}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;
    public string Entry { get; } = entry;
    public string Problem { get; } = problem;
}
