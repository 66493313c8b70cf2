namespace MetaLint.Core.Model;

/// A 1-based region of a file; columns count UTF-16 code units and EndColumn is exclusive (SARIF).
internal readonly record struct SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan FileStart => new(1, 1, 1, 1);
}
