namespace MetaLint.Core.Reporting.Evidence;

/// The gate's verdict for one run, with every gate that was applied.
internal sealed record GateDecision(string FailOn, bool Passed, int ExitCode)
{
    public IReadOnlyList<GateCheck> Checks { get; init; } = [];

    /// The --environment applied, if any, and its minimum score.
    public string? Environment { get; init; }
    public double? MinScore { get; init; }
}
