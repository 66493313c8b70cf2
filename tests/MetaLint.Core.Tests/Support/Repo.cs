namespace MetaLint.Core.Tests.Support;

/// Paths inside the repository, found from the test binary's location.
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MetaLint.sln")))
                return dir.FullName;
        throw new InvalidOperationException("MetaLint.sln not found above " + AppContext.BaseDirectory);
    }
}
