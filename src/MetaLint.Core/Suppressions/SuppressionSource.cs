namespace MetaLint.Core.Suppressions;

/// Where a suppression came from (SARIF suppression kind: inSource for Inline, external for the others).
internal enum SuppressionSource { Inline, Exception, Accepted }
