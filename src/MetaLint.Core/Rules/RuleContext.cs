using MetaLint.Core.Configuration;
using MetaLint.Core.Model;

namespace MetaLint.Core.Rules;

/// What a rule may use while checking: its options and a sink for findings.
public sealed class RuleContext
{
    private readonly List<Finding> _findings;

    internal RuleContext(IRule rule, RuleSettings settings, List<Finding> findings)
    {
        Rule = rule;
        Settings = settings;
        _findings = findings;
    }

    public IRule Rule { get; }
    public RuleSettings Settings { get; }

    /// Level in effect: rules.yml override, else the rule's default.
    public RuleLevel Level => Settings.Level ?? Rule.Descriptor.DefaultLevel;

    public void Report(SourceLocation location, string componentType, string componentName, string subject,
        string message, RuleLevel? level = null, string? detail = null)
    {
        var effective = level ?? Level;
        if (effective == RuleLevel.None) return;
        _findings.Add(new Finding(Rule.Descriptor, effective, message, location, componentType, componentName, subject)
        {
            Detail = detail ?? message,
        });
    }

    /// Reports on a profile or permission set: message "{Kind} '{Name}' {text}".
    public void Report(PermissionContainer c, SourceLocation location, string subject, string text) =>
        Report(location, c.Kind.ToString(), c.Name, subject, $"{c.KindLabel} '{c.Name}' {text}", detail: text);
}
