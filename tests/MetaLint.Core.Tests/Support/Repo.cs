namespace MetaLint.Core.Tests.Support;

/// Paths inside the repository (the shared RepoRoot, under the name these tests use).
public static class Repo
{
    public static string Root => MetaLint.Tests.Support.RepoRoot.Root;

    public static string Path(params string[] parts) => MetaLint.Tests.Support.RepoRoot.Path(parts);
}
