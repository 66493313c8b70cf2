namespace MetaLint.Core.Model;

/// One profile &lt;loginIpRanges&gt; entry, addresses as written.
internal sealed record LoginIpRange(string? StartAddress, string? EndAddress, SourceLocation Location);
