namespace MetaLint.Core.Suppressions;

/// Where a suppression came from (SARIF suppression kind: inSource or external).
public enum SuppressionSource { Inline, Exception }

/// Why a finding is dismissed: who approved it and until when.
public sealed record Suppression(SuppressionSource Source, string Justification, string? ApprovedBy, DateOnly? Expires);
