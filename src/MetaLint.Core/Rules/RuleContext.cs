using MetaLint.Core.Model;

namespace MetaLint.Core.Rules;

/// What a rule may use while checking: its options and a sink for findings.
internal sealed class RuleContext
{
    private readonly List<Finding> _findings;

    internal RuleContext(IRule rule, RuleConfig config, List<Finding> findings)
    {
        Rule = rule;
        Config = config;
        _findings = findings;
    }

    public IRule Rule { get; }
    public RuleConfig Config { get; }

    /// Level in effect: rules.yml override, else the rule's default.
    public RuleLevel Level => Config.Level ?? Rule.Descriptor.DefaultLevel;

    public void Report(SourceLocation location, MetadataKind componentKind, string componentName, string subject,
        string message, RuleLevel? level = null, string? detail = null, FindingFact? fact = null)
    {
        var effective = level ?? Level;
        if (effective == RuleLevel.None) return;
        _findings.Add(new Finding(Rule.Descriptor, effective, message, location, componentKind, componentName, subject)
        {
            Detail = detail ?? message,
            Fact = fact,
        });
    }

    /// Reports on a profile or permission set: message "{Kind} '{Name}' {text}".
    public void Report(PermissionContainer c, SourceLocation location, string subject, string text, FindingFact? fact = null) =>
        Report(location, c.Kind, c.Name, subject, $"{c.KindLabel} '{c.Name}' {text}", detail: text, fact: fact);
}
