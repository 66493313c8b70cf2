namespace MetaLint.Core.Baselines;

/// A baseline file that cannot be used: names the file, the entry and the problem (exit code 2).
internal sealed class BaselineException(string file, string entry, string problem)
    : Exception(entry.Length > 0 ? $"{file}: {entry}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;
    public string Entry { get; } = entry;
    public string Problem { get; } = problem;
}
