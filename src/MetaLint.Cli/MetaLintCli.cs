using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using MetaLint.Cli.Commands;
using MetaLint.Cli.Terminal;
using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;
using MetaLint.Git;

namespace MetaLint.Cli;

/// The `metalint` command line: arguments in, Core does the work, output out.
internal static class MetaLintCli
{
    /// Runs the command line against the given writers; in-process so tests see exactly what users see.
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutRedirected = true,
        bool stderrRedirected = true) =>
        Run(args, new CliOutput(new StandardOutput(stdout), new TerminalText.Writer(stderr), stdoutRedirected)
        {
            StderrRedirected = stderrRedirected,
            ProgressOut = stderr,
        });

    public static int Run(string[] args, CliOutput io)
    {
        var (stdout, stderr) = (io.Out, io.Error);
        // A plain Command named "metalint" with RootCommand's --help and --version: RootCommand's constructor works
        // out the executable's name by reflection, 2.7 ms of a 25 ms pre-commit run under NativeAOT.
        var verbose = new Option<bool>("--verbose")
        {
            Description = "On an unexpected error, print its stack trace too.",
            Recursive = true,
        };
        var root = new Command("metalint", "MetaLint: static analysis of Salesforce security metadata (profiles, permission sets, settings).")
        {
            new HelpOption(),
            new VersionOption(),
            verbose,
            CheckCommand.Create(io),
            RulesCommand.Create(io),
            BaselineCommand.Create(io),
            LspCommand.Create(io),
            EvidenceCommand.Create(io),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line: the error that names what the user typed ("Unrecognized command or argument 'frob'") rather
            // than its consequence ("Required command was not provided"), and where to look.
            var error = parsed.Errors
                .OrderBy(e => e.SymbolResult is CommandResult && !args.Any(a => a.Length > 0 && e.Message.Contains($"'{a}'", StringComparison.Ordinal)))
                .First();
            var option = error.SymbolResult switch
            {
                OptionResult o => o.Option.Name,
                ArgumentResult { Parent: OptionResult o } => o.Option.Name,
                _ => null,
            };
            stderr.WriteLine($"metalint: {UsageMessage.Clean(error.Message, option).TrimEnd('.')} (see 'metalint --help')");
            return ExitCodes.Usage;
        }
        // The one error path: whatever a command throws (a git, I/O, or any other error, also with --fail-on never)
        // ends as one line naming the problem and exit 2, never a stack trace with the findings exit code 1.
        try
        {
            var code = parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false,
            });
            stdout.Flush();   // a write error on a buffered stdout surfaces here, inside the one error path
            return code;
        }
        catch (Exception e)
        {
            Fail(stderr, e, parsed.GetValue(verbose));
            return ExitCodes.Usage;
        }
    }

    private static void Fail(TextWriter stderr, Exception e, bool verbose)
    {
        var known = e is IOException or UnauthorizedAccessException or GitException or ConfigException
            or BaselineException or ArgumentException or NotSupportedException;
        var message = OneLine(e.Message);
        try
        {
            stderr.WriteLine(known
                ? $"metalint: error: {message}"
                : $"metalint: internal error: {e.GetType().Name}: {message}{(verbose ? "" : " (run with --verbose for details)")}");
            if (verbose) stderr.WriteLine(e.ToString());
            stderr.Flush();
        }
        catch (Exception write) when (write is IOException or ObjectDisposedException)
        {
            // stderr itself is gone: the exit code is all that is left to say it.
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
