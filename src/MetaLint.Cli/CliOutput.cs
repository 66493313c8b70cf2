namespace MetaLint.Cli;

/// Where commands write, and whether stdout is a terminal (for colour). Error carries messages, which quote
/// repository content, so MetaLintCli.Run gives it a TerminalText.Writer; ProgressOut is the raw stderr.
internal sealed record CliOutput(TextWriter Out, TextWriter Error, bool StdoutRedirected)
{
    /// Where the progress bar draws (its ANSI codes must reach the terminal); Error unless set.
    public TextWriter? ProgressOut { get; init; }

    public bool UseColor => !StdoutRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "";

    /// Whether stderr is a file or pipe; progress is drawn only on a terminal.
    public bool StderrRedirected { get; init; } = true;

    public bool ShowProgress => !StderrRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// The raw byte streams `metalint lsp` speaks over: stdin and stdout unless a test gives pipes.
    public Func<Stream> OpenInput { get; init; } = Console.OpenStandardInput;
    public Func<Stream> OpenOutput { get; init; } = Console.OpenStandardOutput;
}
