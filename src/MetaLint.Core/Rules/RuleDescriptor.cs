using System.Globalization;

namespace MetaLint.Core.Rules;

/// What a user sees of a rule: SARIF rules[], `metalint rules`, the doc page and the meta-test.
internal sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    string Description,
    RuleLevel DefaultLevel,
    decimal? SecuritySeverity,
    RuleCategory Category,
    string Since = "0.1.0")
{
    /// Where the repository's files are published; the only place a help link is built.
    public const string DocsBaseUri = "https://github.com/metalint/metalint/blob/main/";

    public string DocPath => $"rules/{Id}.md";
    public string HelpUri => DocsBaseUri + DocPath;

    /// "9.1" as SARIF's security-severity wants it (a string), or null.
    public string? SecuritySeverityText => SecuritySeverity?.ToString("0.0", CultureInfo.InvariantCulture);

    public IReadOnlyList<string> Tags => Category switch
    {
        RuleCategory.Parsing => ["metalint", "parsing"],
        RuleCategory.Permissions => ["security", "salesforce", "permissions"],
        RuleCategory.Packaging => ["security", "salesforce", "packaging"],
        RuleCategory.Settings => ["security", "salesforce", "settings"],
        _ => ["security", "salesforce"],
    };
}
