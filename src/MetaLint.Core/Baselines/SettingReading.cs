using MetaLint.Core.Model;

namespace MetaLint.Core.Baselines;

/// One setting as a file sets it: the text written, what it means (null when not recognised), and where.
internal sealed record SettingReading(string Element, string Raw, SettingValue? Value, SourceLocation Location)
{
    /// "NoLimit", or "0 (NoLimit)" when a profile policy code was mapped.
    public string Display => Value?.Literal is { } literal && literal != Raw ? $"{Raw} ({literal})" : Raw;
}
