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

    public static string RepoRoot => MetaLint.Tests.Support.RepoRoot.Root;

    public static string RepoPath(params string[] parts) => MetaLint.Tests.Support.RepoRoot.Path(parts);
}
