namespace MetaLint.Core.Model;

/// A `<!-- metalint-disable-next-line ML1001: reason -->` comment: it suppresses the listed rules on AppliesToLine.
internal sealed record InlineDirective(SourceLocation Location, int AppliesToLine, IReadOnlyList<string> RuleIds, string? Reason)
{
    public const string Keyword = "metalint-disable-next-line";

    /// Parses a comment's text; null when the comment is not a MetaLint directive.
    public static InlineDirective? TryParse(string comment, SourceLocation location)
    {
        var text = comment.Trim();
        if (!text.StartsWith(Keyword, StringComparison.Ordinal)) return null;
        text = text[Keyword.Length..];
        var colon = text.IndexOf(':');
        var ids = (colon < 0 ? text : text[..colon])
            .Split([',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(id => id.ToUpperInvariant())
            .ToList();
        var reason = colon < 0 ? null : text[(colon + 1)..].Trim();
        return new InlineDirective(location, location.Span.EndLine + 1, ids, string.IsNullOrEmpty(reason) ? null : reason);
    }
}
