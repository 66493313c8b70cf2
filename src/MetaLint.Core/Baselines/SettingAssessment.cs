using MetaLint.Core.Model;

namespace MetaLint.Core.Baselines;

/// One mapped setting of one file against the baseline in effect. Status is null when not determinable
/// (the file does not set it, or sets a value MetaLint does not recognise).
internal sealed record SettingAssessment(
    SettingsComponent Component, SettingDefinition Definition, BaselineSetting Setting, SettingReading? Reading,
    ComplianceStatus? Status)
{
    /// Assesses one key in one file; null when a file of this kind cannot set the key.
    public static SettingAssessment? Of(SettingsComponent c, SettingDefinition d, BaselineSetting setting)
    {
        if (!SettingCatalog.AppliesTo(d, c)) return null;
        var reading = SettingCatalog.Read(d, c);
        var status = reading?.Value is { } v ? setting.Evaluate(v) : null;
        return new SettingAssessment(c, d, setting, reading, status);
    }
}
