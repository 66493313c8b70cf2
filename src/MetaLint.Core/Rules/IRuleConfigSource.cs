namespace MetaLint.Core.Rules;

/// Where the engine finds each rule's configuration (rules.yml's MetaLintConfig), so Rules does not depend on
/// how configuration is loaded.
internal interface IRuleConfigSource
{
    RuleConfig For(string ruleId);

    /// The level of findings on a standard profile (rules.yml `standard-profiles.level`); null keeps each rule's own.
    RuleLevel? StandardProfileLevel { get; }
}
