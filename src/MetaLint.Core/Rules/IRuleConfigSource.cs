namespace MetaLint.Core.Rules;

/// Where the engine finds each rule's configuration (rules.yml's MetaLintConfig), so Rules does not depend on
/// how configuration is loaded.
public interface IRuleConfigSource
{
    RuleConfig For(string ruleId);
}
