namespace MetaLint.Core.Reporting.Evidence;

/// One gate of a run: what it requires, what the run had, and whether that failed the run.
/// <param name="Gate">"findings", "environment 'production'", "min-score".</param>
/// <param name="Requirement">"no active finding at or above error", "score of at least 90".</param>
/// <param name="Actual">"2 active findings at or above error", "82.3", "no settings file could be scored".</param>
/// <param name="Passed">The requirement is met.</param>
/// <param name="Enforced">Missing it fails the run (an environment with fail: false only warns).</param>
internal sealed record GateCheck(string Gate, string Requirement, string Actual, bool Passed, bool Enforced);
