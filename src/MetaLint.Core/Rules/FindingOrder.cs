namespace MetaLint.Core.Rules;

/// The report order: path (ordinal), line, column, rule, message.
internal sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.Path, y.Path);
        if (c == 0) c = x.Span.StartLine.CompareTo(y.Span.StartLine);
        if (c == 0) c = x.Span.StartColumn.CompareTo(y.Span.StartColumn);
        if (c == 0) c = string.CompareOrdinal(x.RuleId, y.RuleId);
        if (c == 0) c = string.CompareOrdinal(x.Message, y.Message);
        return c;
    }
}
