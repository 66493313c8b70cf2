using System.Reflection;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting;

/// What every reporter renders: the findings of one run and the rules that ran. The findings are either held (a
/// list: read them as often as needed) or streamed (AnalysisStream: read them once, in order, and read the counts
/// and the score only after that; reading them early is a bug and throws). Reporters write findings as they come
/// and the counts after them, so both work the same.
internal sealed class Report
{
    private readonly IEnumerable<Finding> _findings;
    private readonly bool _streamed;
    private readonly FindingTally _tally;
    private bool _read;
    private bool _complete;
    private Func<Baselines.HealthScore?> _score = () => null;

    public Report(IEnumerable<Finding> findings, IReadOnlyList<IRule> rules, int filesAnalysed)
    {
        Rules = rules;
        FilesAnalysed = filesAnalysed;
        if (findings is IReadOnlyList<Finding> held)
        {
            _findings = held;
            _tally = FindingTally.Of(held);
            _complete = true;
        }
        else
        {
            _findings = findings;
            _tally = new FindingTally();
            _streamed = true;
        }
    }

    public IReadOnlyList<IRule> Rules { get; }

    public int FilesAnalysed { get; }

    /// The findings in report order (a streamed report's only once).
    public IEnumerable<Finding> Findings => _streamed ? Stream() : _findings;

    /// The counts, once the findings have been read.
    public FindingTally Tally => _complete ? _tally : throw Early("counts");

    /// SARIF runAutomationDetails id (--category), so several uploads don't collide.
    public string? Category { get; init; }

    /// The approximate Health Check score, when settings files were analysed (a streamed report's once its findings
    /// have been read).
    public Baselines.HealthScore? Score
    {
        get => _complete ? _score() : throw Early("score");
        init => _score = () => value;
    }

    /// Where the score comes from when it is known only at the end of a streamed run.
    public Func<Baselines.HealthScore?> ScoreSource { init => _score = value; }

    /// Set in PR mode (--base): findings are those the change introduces relative to this base.
    public BaseComparison? Base { get; init; }

    /// The repository, commit and branch analysed, when known (SARIF versionControlProvenance).
    public VersionControl? Provenance { get; init; }

    public static string ToolVersion { get; } =
        typeof(Report).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";

    /// Findings still in force (not suppressed) at this level.
    public int Count(RuleLevel level) => Tally.Active(level);

    public IEnumerable<Finding> Active => Findings.Where(f => !f.IsSuppressed);

    public int SuppressedCount => Tally.SuppressedTotal;

    private IEnumerable<Finding> Stream()
    {
        if (_read) throw new InvalidOperationException("a streamed report's findings are read once");
        _read = true;
        foreach (var f in _findings)
        {
            _tally.Add(f);
            yield return f;
        }
        _complete = true;
    }

    private static InvalidOperationException Early(string what) =>
        new($"a streamed report's {what} are known once its findings have been read");
}
