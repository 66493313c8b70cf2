using System.Globalization;

namespace MetaLint.Core.Baselines;

internal static class BaselineText
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

    public static string ElementName(this BaselineXmlElement e) => e switch
    {
        BaselineXmlElement.Boolean => "booleanSetting",
        BaselineXmlElement.NumericRange => "numericRangeSetting",
        _ => "enumSetting",
    };

    public static string Label(this ComplianceStatus s) => s.ToString().ToLowerInvariant();

    /// The SARIF security-severity per risk group; informational settings carry none.
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
