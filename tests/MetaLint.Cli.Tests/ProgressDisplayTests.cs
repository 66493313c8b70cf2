using MetaLint.Cli.Terminal;

namespace MetaLint.Cli.Tests;

/// The stderr progress bar: drawn only on a terminal and only for slow runs, never in the report.
[Collection(nameof(ProgressDisplayTests))]
[CollectionDefinition(nameof(ProgressDisplayTests), DisableParallelization = true)]
public sealed class ProgressDisplayTests : IDisposable
{
    private static readonly string Hostile = Cli.RepoPath("testdata", "hostile");

    public void Dispose() => ProgressDisplay.Delay = TimeSpan.FromSeconds(1);

    private static CliResult Run(bool stderrIsTerminal, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = MetaLintCli.Run(args, stdout, stderr, stdoutRedirected: true, stderrRedirected: !stderrIsTerminal);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Slow_run_on_a_terminal_draws_progress_on_stderr_and_leaves_the_report_alone()
    {
        ProgressDisplay.Delay = TimeSpan.Zero;   // every run counts as slow
        var plain = Run(stderrIsTerminal: false, "check", Hostile, "--format", "sarif");

        var shown = Run(stderrIsTerminal: true, "check", Hostile, "--format", "sarif");

        shown.Error.ShouldContain("\u001b[");   // ANSI cursor control from the live bar
        shown.Out.ShouldBe(plain.Out);
        shown.ExitCode.ShouldBe(plain.ExitCode);
    }

    [Fact]
    public void Redirected_stderr_gets_no_progress_even_when_slow()
    {
        ProgressDisplay.Delay = TimeSpan.Zero;
        Run(stderrIsTerminal: false, "check", Hostile).Error.ShouldBeEmpty();
    }

    [Fact]
    public void Fast_run_on_a_terminal_draws_nothing()
    {
        ProgressDisplay.Delay = TimeSpan.FromMinutes(5);
        Run(stderrIsTerminal: true, "check", Hostile).Error.ShouldBeEmpty();
    }
}
