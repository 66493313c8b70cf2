namespace MetaLint.Core.Baselines;

/// A value read from metadata: a boolean, or a number with the enum literal it came from (if any).
internal readonly record struct SettingValue(bool? Bool, double? Number, string? Literal)
{
    public static SettingValue Of(bool value) => new(value, null, null);
    public static SettingValue Of(double value, string? literal = null) => new(null, value, literal);
}
