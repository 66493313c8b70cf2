namespace MetaLint.Core.Rules;

/// Numbers findings with the same identity (rule, component kind and name, subject) in report order, which completes
/// their fingerprint key: "ML1001|Profile|Admin|ModifyAllData|1". The counts are held per component name, so a
/// streamed run can forget a component once no file still to come can name it.
internal sealed class Occurrences
{
    private readonly Dictionary<string, Dictionary<string, int>> _byComponent = new(StringComparer.Ordinal);

    public Finding Number(Finding f)
    {
        if (!_byComponent.TryGetValue(f.ComponentName, out var counts))
            _byComponent[f.ComponentName] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var key = $"{f.RuleId}|{f.ComponentKind}|{f.ComponentName}|{f.Subject}";
        var n = counts[key] = counts.GetValueOrDefault(key) + 1;
        return f with { FingerprintKey = $"{key}|{n}" };
    }

    public void Forget(string componentName) => _byComponent.Remove(componentName);
}
