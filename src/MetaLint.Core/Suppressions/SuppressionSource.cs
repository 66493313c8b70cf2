namespace MetaLint.Core.Suppressions;

/// Where a suppression came from (SARIF suppression kind: inSource or external).
public enum SuppressionSource { Inline, Exception }
