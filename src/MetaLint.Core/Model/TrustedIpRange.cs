namespace MetaLint.Core.Model;

/// One networkAccess &lt;ipRanges&gt; entry, addresses as written.
internal sealed record TrustedIpRange(string? Start, string? End, SourceLocation Location);
