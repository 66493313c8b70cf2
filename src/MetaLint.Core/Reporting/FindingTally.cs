using MetaLint.Core.Model;
using MetaLint.Core.Rules;
using MetaLint.Core.Suppressions;

namespace MetaLint.Core.Reporting;

/// The counts reports end with, gathered as findings pass (a streamed run holds no findings): by level, active,
/// suppressed and accepted, and the active findings by rule and by component (bounded by the rules and components,
/// not the findings).
internal sealed class FindingTally
{
    private readonly int[] _active = new int[4];
    private readonly int[] _suppressed = new int[4];
    private readonly int[] _accepted = new int[4];

    /// Active findings per rule id and level, with the rule's descriptor.
    public Dictionary<string, (RuleDescriptor Rule, int[] ByLevel)> ByRule { get; } = new(StringComparer.Ordinal);

    /// Active findings per component.
    public Dictionary<(MetadataKind Kind, string Name), int> ByComponent { get; } = [];

    public static FindingTally Of(IEnumerable<Finding> findings)
    {
        var tally = new FindingTally();
        foreach (var f in findings) tally.Add(f);
        return tally;
    }

    public void Add(Finding f)
    {
        var level = (int)f.Level;
        if (f.Suppression is { } s)
        {
            _suppressed[level]++;
            if (s.Source == SuppressionSource.Accepted) _accepted[level]++;
            return;
        }
        _active[level]++;
        if (!ByRule.TryGetValue(f.RuleId, out var rule)) ByRule[f.RuleId] = rule = (f.Rule, new int[4]);
        rule.ByLevel[level]++;
        var component = (f.ComponentKind, f.ComponentName);
        ByComponent[component] = ByComponent.GetValueOrDefault(component) + 1;
    }

    /// Findings still in force at this level.
    public int Active(RuleLevel level) => _active[(int)level];

    public int ActiveTotal => _active.Sum();

    /// Suppressed findings at this level (accepted ones included).
    public int Suppressed(RuleLevel level) => _suppressed[(int)level];

    public int SuppressedTotal => _suppressed.Sum();

    /// Findings the accepted findings file holds, at this level.
    public int Accepted(RuleLevel level) => _accepted[(int)level];

    public int AcceptedTotal => _accepted.Sum();
}
