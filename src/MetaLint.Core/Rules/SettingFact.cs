namespace MetaLint.Core.Rules;

/// A setting's value as the file sets it ("TwentyFourHours"; null when not set), read from Element; in PR mode
/// also the base revision's value when the base set it.
public sealed record SettingFact(string Key, string Element, string? Value) : FindingFact
{
    public string? BaseValue { get; init; }
}
