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

    /// The .forceignore of a project folder (none when absent or unreadable).
    public static IgnoreRules ForceIgnore(string projectDir)
    {
        var path = Path.Combine(projectDir, ".forceignore");
        try { return new IgnoreRules(File.Exists(path) ? File.ReadAllLines(path) : []); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new IgnoreRules([]); }
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
