using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;
using MetaLint.Core.Discovery;
using MetaLint.Core.Model;
using MetaLint.Core.Rules;

namespace MetaLint.Core;

/// One analysis whose findings arrive as its files complete, in report order, so a reporter can write them as they
/// come and memory does not grow with the number of findings (issue 14). Enumerate it once: the run happens during
/// the enumeration. What needs every file (the score, the exceptions applied, the settings) is known once the
/// enumeration has ended.
internal sealed class AnalysisStream : IEnumerable<Finding>
{
    private readonly IEnumerable<Finding> _findings;
    private bool _started;
    private bool _complete;
    private readonly Func<HealthScore?> _score;
    private HealthScore? _scoreValue;

    internal AnalysisStream(DiscoveryResult discovery, IReadOnlyList<IRule> rules, IEnumerable<Finding> findings,
        Func<HealthScore?> score)
    {
        Discovery = discovery;
        Rules = rules;
        _findings = findings;
        _score = score;
    }

    public DiscoveryResult Discovery { get; }

    public IReadOnlyList<IRule> Rules { get; }

    /// rules.yml exceptions that suppressed something, with how many findings each (complete after the enumeration).
    public Dictionary<ExceptionEntry, int> AppliedExceptions { get; } = [];

    /// The settings files' values, in file order (complete after the enumeration).
    public List<SettingsComponent> Settings { get; } = [];

    /// The approximate Health Check score of the settings files, once the enumeration has ended.
    public HealthScore? Score => _complete ? _scoreValue ??= _score() : throw NotYet();

    public IEnumerator<Finding> GetEnumerator()
    {
        if (_started) throw new InvalidOperationException("an analysis stream is enumerated once");
        _started = true;
        return Enumerate();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// The whole run at once: every finding held (git modes, the language server, tests).
    public AnalysisResult ToResult()
    {
        var findings = this.ToList();
        return new AnalysisResult(Discovery, findings, Rules)
        {
            AppliedExceptions = AppliedExceptions,
            Score = Score,
            Settings = Settings,
        };
    }

    private IEnumerator<Finding> Enumerate()
    {
        foreach (var f in _findings) yield return f;
        _complete = true;
    }

    private static InvalidOperationException NotYet() =>
        new("the score of an analysis stream is known once its findings have been read");
}
