namespace MetaLint.Core.Rules;

/// A fingerprint computed once from its key; equal when the keys are (so record equality ignores the cache).
internal sealed class LazyFingerprint(string key)
{
    private string? _value;
    public string Key { get; } = key;
    public string Value => _value ??= Key.Length == 0 ? "" : RuleEngine.Hash(Key);
    public override bool Equals(object? obj) => obj is LazyFingerprint other && other.Key == Key;
    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}
