namespace MetaLint.Core.Suppressions;

/// Why a finding is dismissed: who approved it and until when.
public sealed record Suppression(SuppressionSource Source, string Justification, string? ApprovedBy, DateOnly? Expires);
