namespace MetaLint.Core.Configuration;

/// A rules.yml `exceptions:` entry: findings of Rule in the matching component or paths are accepted risk.
/// <param name="Component">"Name" or "Type:Name" (e.g. "Profile:Admin"); null when Path is given.</param>
/// <param name="Path">Gitignore-style pattern on the root-relative path; null when Component is given.</param>
/// <param name="Line">Line of the entry in rules.yml, for messages.</param>
internal sealed record ExceptionEntry(
    string Rule, string? Component, string? Path, string Justification, string? ApprovedBy, DateOnly? Expires, int Line)
{
    public bool IsExpired(DateOnly today) => Expires is { } e && e < today;

    /// Text naming what the entry covers, e.g. "ML1001 on Profile:Admin".
    public string Target => $"{Rule} on {Component ?? Path}";
}
