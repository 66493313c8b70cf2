using MetaLint.Core;
using Spectre.Console;

namespace MetaLint.Cli.Terminal;

/// A progress bar on stderr for runs that take longer than a second, shown only when stderr is a terminal.
internal static class ProgressDisplay
{
    /// How long a run may take before the bar appears (tests shorten it).
    internal static TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);

    /// Runs the work; if it is still going after a second and stderr is a terminal, shows files parsed so far.
    public static T Run<T>(CliOutput io, AnalysisProgress progress, Func<T> work, bool show = true)
    {
        if (!show || !io.ShowProgress) return work();
        var task = Task.Run(work);
        // Waits that never throw: a failed work's own exception comes from GetResult, never an AggregateException
        // (a streamed check writes its report here, so a full stdout or a failing analysis ends up here).
        if (Task.WaitAny([task], Delay) == 0) return task.GetAwaiter().GetResult();

        // The caller has established that stderr is a terminal, so don't let Spectre second-guess the writer.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(io.ProgressOut ?? io.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bar = ctx.AddTask("Analysing");
                while (Task.WaitAny([task], TimeSpan.FromMilliseconds(100)) < 0)
                {
                    if (progress.FilesTotal == 0) continue;
                    bar.MaxValue = progress.FilesTotal;
                    bar.Value = progress.FilesParsed;
                    bar.Description = $"Parsing {progress.FilesParsed:N0}/{progress.FilesTotal:N0} files";
                }
                bar.Value = bar.MaxValue;
            });
        return task.GetAwaiter().GetResult();
    }
}
