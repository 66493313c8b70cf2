using MetaLint.Core.Baselines;

namespace MetaLint.Core.Rules;

/// A setting's value as the file sets it ("TwentyFourHours"; null when not set), read from Element; in PR mode
/// also the base revision's value when the base set it.
internal sealed record SettingFact(string Key, string Element, string? Value) : FindingFact
{
    /// How the baseline rates the value (null for a missing setting). Levels no longer order statuses (a low-risk
    /// setting is a note whether warning or critical), so PR mode compares this.
    public ComplianceStatus? Status { get; init; }

    public string? BaseValue { get; init; }
}
