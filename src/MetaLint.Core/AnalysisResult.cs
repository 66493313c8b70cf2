using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;
using MetaLint.Core.Discovery;
using MetaLint.Core.Model;
using MetaLint.Core.Rules;

namespace MetaLint.Core;

/// The outcome of one analysis: what was looked at, what was found, and which exceptions were used.
internal sealed record AnalysisResult(DiscoveryResult Discovery, IReadOnlyList<Finding> Findings, IReadOnlyList<IRule> Rules)
{
    /// rules.yml exceptions that suppressed something, with how many findings each.
    public IReadOnlyDictionary<ExceptionEntry, int> AppliedExceptions { get; init; } = new Dictionary<ExceptionEntry, int>();

    /// The approximate Health Check score, when settings files were analysed.
    public HealthScore? Score { get; init; }

    /// The settings files' values (small), so PR mode can say what a setting was before.
    public IReadOnlyList<SettingsComponent> Settings { get; init; } = [];
}
