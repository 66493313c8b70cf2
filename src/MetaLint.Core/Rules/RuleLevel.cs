namespace MetaLint.Core.Rules;

/// Finding levels, as SARIF names them; None means "not reported".
public enum RuleLevel { None, Note, Warning, Error }

public static class RuleLevelExtensions
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
