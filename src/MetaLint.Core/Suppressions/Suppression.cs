namespace MetaLint.Core.Suppressions;

/// Why a finding is dismissed: who approved it and until when.
internal sealed record Suppression(SuppressionSource Source, string Justification, string? ApprovedBy, DateOnly? Expires)
{
    /// The rules.yml entry behind an exception suppression (PR mode checks who added it); null for inline ones.
    public Configuration.ExceptionEntry? Entry { get; init; }
}
