namespace MetaLint.Core.Rules;

/// One rule's entry in rules.yml: on/off, a level override, and rule-specific options.
internal sealed class RuleConfig
{
    public static readonly RuleConfig Default = new();

    public bool Enabled { get; init; } = true;
    public RuleLevel? Level { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string>? GetList(string key) => Lists.TryGetValue(key, out var v) ? v : null;
}
