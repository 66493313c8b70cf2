namespace MetaLint.Core.Suppressions;

/// An accepted-findings file that cannot be used: names the file and the problem (exit code 2).
internal sealed class AcceptedFindingsException(string message) : Exception(message);
