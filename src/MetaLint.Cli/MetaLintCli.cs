using System.CommandLine;
using System.CommandLine.Help;
using MetaLint.Cli.Commands;
using MetaLint.Core.Reporting.Text;

namespace MetaLint.Cli;

/// The `metalint` command line: arguments in, Core does the work, output out.
public static class MetaLintCli
{
    /// Runs the command line against the given writers; in-process so tests see exactly what users see.
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutRedirected = true,
        bool stderrRedirected = true) =>
        Run(args, new CliOutput(stdout, new TerminalText.Writer(stderr), stdoutRedirected)
        {
            StderrRedirected = stderrRedirected,
            ProgressOut = stderr,
        });

    public static int Run(string[] args, CliOutput io)
    {
        var (stdout, stderr) = (io.Out, io.Error);
        // A plain Command named "metalint" with RootCommand's --help and --version: RootCommand's constructor works
        // out the executable's name by reflection, 2.7 ms of a 25 ms pre-commit run under NativeAOT.
        var root = new Command("metalint", "MetaLint: static analysis of Salesforce security metadata (profiles, permission sets, settings).")
        {
            new HelpOption(),
            new VersionOption(),
            CheckCommand.Create(io),
            RulesCommand.Create(io),
            BaselineCommand.Create(io),
            LspCommand.Create(io),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"metalint: {error.Message}");
            stderr.WriteLine("Run 'metalint --help' for usage.");
            return ExitCodes.Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
