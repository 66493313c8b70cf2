using System.Reflection;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting;

/// What every reporter renders: the findings of one run and the rules that ran.
internal sealed record Report(IReadOnlyList<Finding> Findings, IReadOnlyList<IRule> Rules, int FilesAnalysed)
{
    /// SARIF runAutomationDetails id (--category), so several uploads don't collide.
    public string? Category { get; init; }

    /// The approximate Health Check score, when settings files were analysed.
    public Baselines.HealthScore? Score { get; init; }

    /// Set in PR mode (--base): findings are those the change introduces relative to this base.
    public BaseComparison? Base { get; init; }

    /// The repository, commit and branch analysed, when known (SARIF versionControlProvenance).
    public VersionControl? Provenance { get; init; }

    public static string ToolVersion { get; } =
        typeof(Report).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";

    /// Findings still in force (not suppressed) at this level.
    public int Count(RuleLevel level) => Findings.Count(f => f.Level == level && !f.IsSuppressed);

    public IEnumerable<Finding> Active => Findings.Where(f => !f.IsSuppressed);

    public int SuppressedCount => Findings.Count(f => f.IsSuppressed);

    /// Findings the accepted findings file (metalint-accepted.json) holds: suppressed, but still counted in summaries.
    public IEnumerable<Finding> Accepted => Findings.Where(f => f.Suppression?.Source == Suppressions.SuppressionSource.Accepted);
}
