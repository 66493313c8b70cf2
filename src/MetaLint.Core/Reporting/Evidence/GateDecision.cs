namespace MetaLint.Core.Reporting.Evidence;

/// The gate's verdict for one run.
public sealed record GateDecision(string FailOn, bool Passed, int ExitCode);
