namespace MetaLint.Core.Model;

/// The org's trusted IP ranges; an empty &lt;networkAccess/&gt; means none.
internal sealed class NetworkAccess(SourceLocation location)
{
    public SourceLocation Location { get; } = location;
    public List<TrustedIpRange> IpRanges { get; } = [];
}
