namespace MetaLint.Core.Reporting;

/// Where the analysed files come from, for SARIF's versionControlProvenance: the repository (its origin remote, any
/// credentials removed), the commit and the branch.
internal sealed record VersionControl(Uri Repository, string Revision, string? Branch)
{
    /// The remote's URL as a URI without user or password; scp-like "git@host:owner/repo.git" becomes
    /// "https://host/owner/repo.git". Null when it is neither.
    public static Uri? RepositoryUri(string? remoteUrl)
    {
        if (string.IsNullOrWhiteSpace(remoteUrl)) return null;
        if (Uri.TryCreate(remoteUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
            return new Uri(uri.GetComponents(
                UriComponents.Scheme | UriComponents.Host | UriComponents.Port | UriComponents.PathAndQuery, UriFormat.UriEscaped));
        var at = remoteUrl.IndexOf('@');
        var colon = remoteUrl.IndexOf(':', at + 1);
        if (colon > at + 1 && !remoteUrl.Contains("://", StringComparison.Ordinal) &&
            Uri.TryCreate($"https://{remoteUrl[(at + 1)..colon]}/{remoteUrl[(colon + 1)..].TrimStart('/')}", UriKind.Absolute, out var scp))
            return scp;
        return null;
    }
}
