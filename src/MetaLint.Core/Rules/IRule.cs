namespace MetaLint.Core.Rules;

/// A rule: a descriptor plus a check over one kind of model object. Rules never see XML or files.
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    /// The model type this rule checks.
    Type Target { get; }

    /// Option keys the rule reads from rules.yml (documented on its page).
    IReadOnlyList<string> OptionKeys => [];

    /// Called from several parse workers at once (each file is checked as soon as it is parsed): keep no state.
    void Check(object component, RuleContext context);
}

/// Base class for rules over one model type.
public abstract class Rule<T> : IRule where T : class
{
    public abstract RuleDescriptor Descriptor { get; }
    public Type Target => typeof(T);
    public virtual IReadOnlyList<string> OptionKeys => [];

    public void Check(object component, RuleContext context)
    {
        if (component is T typed) Check(typed, context);
    }

    public abstract void Check(T component, RuleContext context);
}
