namespace MetaLint.Core.Rules;

/// Finding levels, as SARIF names them; None means "not reported".
internal enum RuleLevel { None, Note, Warning, Error }

internal static class RuleLevelExtensions
{
    public static string ToText(this RuleLevel level) => level switch
    {
        RuleLevel.Error => "error",
        RuleLevel.Warning => "warning",
        RuleLevel.Note => "note",
        _ => "none",
    };

    public static RuleLevel? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "error" => RuleLevel.Error,
        "warning" => RuleLevel.Warning,
        "note" => RuleLevel.Note,
        _ => null,
    };
}
