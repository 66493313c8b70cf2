namespace MetaLint.Core.Rules;

/// Base class for rules over one model type.
internal abstract class Rule<T> : IRule where T : class
{
    public abstract RuleDescriptor Descriptor { get; }
    public Type Target => typeof(T);
    public virtual IReadOnlyList<string> OptionKeys => [];

    public void Check(object component, RuleContext ctx)
    {
        if (component is T typed) Check(typed, ctx);
    }

    public abstract void Check(T component, RuleContext ctx);
}
