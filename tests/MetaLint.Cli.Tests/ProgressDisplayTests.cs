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

    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");
        public override void Write(string? value) => throw new IOException("No space left on device");
        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");
    }

    /// A plain check streams: its report is written while the bar is shown, so what fails there (the redirected
    /// stdout, the analysis) fails inside the progress display's task and must still be the one-line error of its
    /// own exception, not an AggregateException's "internal error".
    [Theory]
    [InlineData(0, "json")]
    [InlineData(5, "json")]
    [InlineData(0, "text")]
    [InlineData(5, "text")]
    public void A_streamed_report_that_fails_under_the_progress_display_is_its_own_one_line_error(int delayMinutes, string format)
    {
        ProgressDisplay.Delay = TimeSpan.FromMinutes(delayMinutes);
        var stderr = new StringWriter { NewLine = "\n" };
        var code = MetaLintCli.Run(["check", Hostile, "--format", format, "--fail-on", "never"], new FullWriter(), stderr,
            stdoutRedirected: true, stderrRedirected: false);
        code.ShouldBe(2);
        stderr.ToString().ShouldEndWith("metalint: error: cannot write to standard output: No space left on device\n");
        stderr.ToString().ShouldNotContain("internal error");
    }

    /// A held run (--base) also runs under the display: its git error is the command's own message (check catches
    /// GitException), not an AggregateException's internal error.
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_git_error_under_the_progress_display_is_the_commands_own_message(int delayMinutes)
    {
        ProgressDisplay.Delay = TimeSpan.FromMinutes(delayMinutes);
        using var git = new TempRepo();
        git.Write("force-app/main/default/profiles/Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true))).Commit("base");
        var r = Run(stderrIsTerminal: true, "check", git.Root, "--base", "no-such-branch");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("metalint: ");
        r.Error.ShouldContain("no-such-branch");
        r.Error.ShouldNotContain("internal error");
    }
}
