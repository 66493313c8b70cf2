using MAB.DotIgnore;

namespace MetaLint.Core.Discovery;

/// Gitignore-style exclusion (.forceignore plus rules.yml `exclude`), matched on root-relative paths.
public sealed class IgnoreRules
{
    private readonly IgnoreList _list;
    private readonly bool _empty;

    public IgnoreRules(IEnumerable<string> patterns)
    {
        var rules = patterns.Select(p => p.Trim()).Where(p => p.Length > 0 && !p.StartsWith('#')).ToList();
        _empty = rules.Count == 0;
        _list = new IgnoreList(rules);
    }

    public static IgnoreRules Load(string root, IEnumerable<string> extraPatterns)
    {
        var patterns = new List<string>();
        var forceignore = Path.Combine(root, ".forceignore");
        if (File.Exists(forceignore))
        {
            try { patterns.AddRange(File.ReadAllLines(forceignore)); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        patterns.AddRange(extraPatterns);
        return new IgnoreRules(patterns);
    }

    /// True when the path or any folder above it is excluded.
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        if (_empty || relativePath.Length == 0) return false;
        var parts = relativePath.Split('/');
        var prefix = "";
        for (var i = 0; i < parts.Length; i++)
        {
            prefix = i == 0 ? parts[0] : prefix + "/" + parts[i];
            var dir = i < parts.Length - 1 || isDirectory;
            if (_list.IsIgnored(prefix, dir)) return true;
        }
        return false;
    }

    /// Checks one entry during a walk whose parent folders were already checked.
    public bool IsIgnoredEntry(string relativePath, bool isDirectory) =>
        !_empty && _list.IsIgnored(relativePath, isDirectory);
}
