namespace MetaLint.Core.Configuration;

/// One `environments:` entry: the lowest acceptable Health Check score, and whether falling below it fails the run
/// (exit 1) or only warns.
internal sealed record EnvironmentGate(string Name, double? MinScore, bool Fail);
