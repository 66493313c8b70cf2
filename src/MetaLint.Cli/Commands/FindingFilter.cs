using MetaLint.Core.Rules;

namespace MetaLint.Cli.Commands;

/// --min-level, --select and --ignore: which findings a run shows and gates on. Ids or prefixes ("ML10"), as Ruff's
/// --select/--ignore; ignore wins over select.
internal sealed class FindingFilter
{
    private readonly RuleLevel _minLevel;
    private readonly IReadOnlyList<string> _select;
    private readonly IReadOnlyList<string> _ignore;

    private FindingFilter(RuleLevel minLevel, IReadOnlyList<string> select, IReadOnlyList<string> ignore) =>
        (_minLevel, _select, _ignore) = (minLevel, select, ignore);

    /// The filter, or the usage problem with one of the values.
    public static (FindingFilter? Filter, string? Problem) Create(string? minLevel, string[] select, string[] ignore)
    {
        var level = minLevel == null ? RuleLevel.Note : RuleLevelExtensions.Parse(minLevel);
        if (level is not { } min) return (null, $"--min-level must be error, warning or note, not '{minLevel}'");
        var (selected, selectProblem) = Prefixes("--select", select);
        var (ignored, ignoreProblem) = Prefixes("--ignore", ignore);
        return (selectProblem ?? ignoreProblem) is { } problem ? (null, problem) : (new FindingFilter(min, selected, ignored), null);
    }

    public bool IsEmpty => _minLevel == RuleLevel.Note && _select.Count == 0 && _ignore.Count == 0;

    public bool Shows(Finding f) =>
        f.Level >= _minLevel &&
        (_select.Count == 0 || _select.Any(p => Matches(f.RuleId, p))) &&
        !_ignore.Any(p => Matches(f.RuleId, p));

    private static bool Matches(string id, string prefix) => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    /// Comma-separated ids or prefixes, each of which must name at least one rule.
    private static (IReadOnlyList<string> Prefixes, string? Problem) Prefixes(string option, string[] values)
    {
        var prefixes = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var prefix in prefixes)
            if (!RuleCatalog.All.Any(r => Matches(r.Descriptor.Id, prefix)))
                return ([], $"{option}: '{prefix}' is no rule id or prefix of one (see 'metalint rules')");
        return (prefixes, null);
    }
}
