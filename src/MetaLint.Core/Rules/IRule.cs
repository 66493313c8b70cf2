namespace MetaLint.Core.Rules;

/// A rule: a descriptor plus a check over one kind of model object. Rules never see XML or files.
internal interface IRule
{
    RuleDescriptor Descriptor { get; }

    /// The model type this rule checks.
    Type Target { get; }

    /// Option keys the rule reads from rules.yml (documented on its page).
    IReadOnlyList<string> OptionKeys => [];

    /// Called from several parse workers at once (each file is checked as soon as it is parsed): keep no state.
    void Check(object component, RuleContext ctx);
}
