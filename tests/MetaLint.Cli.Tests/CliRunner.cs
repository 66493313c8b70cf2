namespace MetaLint.Cli.Tests;

/// Runs `metalint` in-process and captures what a user would see.
public sealed record CliResult(int ExitCode, string Out, string Error);

public static class Cli
{
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = MetaLintCli.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public static string RepoRoot { get; } = FindRoot();

    public static string RepoPath(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MetaLint.sln"))) return dir.FullName;
        throw new InvalidOperationException("MetaLint.sln not found");
    }
}
