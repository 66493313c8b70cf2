namespace MetaLint.Core.Configuration;

/// A configuration file that cannot be used: names the file, the position and the problem (exit code 2).
internal sealed class ConfigException(string file, int line, int column, string problem)
    : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
}
