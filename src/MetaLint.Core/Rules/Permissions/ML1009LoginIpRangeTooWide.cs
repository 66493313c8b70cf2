using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Flags profile login IP ranges spanning more than 2^24 IPv4 addresses.
public sealed class ML1009LoginIpRangeTooWide : Rule<PermissionContainer>
{
    private const ulong Limit = 1UL << 24;

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1009", Name: "LoginIpRangeTooWide", Title: "Login IP range too wide",
        Description: "A profile's loginIpRanges entry spans more than 2^24 addresses (wider than a /8), so the " +
                     "login IP restriction no longer restricts much.",
        DefaultLevel: RuleLevel.Warning, SecuritySeverity: 6.0m, Category: RuleCategory.Permissions);

    public override void Check(PermissionContainer c, RuleContext ctx)
    {
        if (c.Kind != MetadataKind.Profile) return;
        foreach (var range in c.LoginIpRanges)
        {
            if (Size(range.StartAddress, range.EndAddress) is not { } size || size <= Limit) continue;
            var span = $"{range.StartAddress}-{range.EndAddress}";
            ctx.Report(c, range.Location, span,
                $"allows login from {span} ({size.ToString("N0", CultureInfo.InvariantCulture)} addresses, more than a /8)");
        }
    }

    /// Number of addresses in an IPv4 range (end - start + 1), or null when either end is not IPv4 or end < start.
    public static ulong? Size(string? start, string? end)
    {
        if (ToUInt32(start) is not { } s || ToUInt32(end) is not { } e || e < s) return null;
        return (ulong)e - s + 1;
    }

    private static uint? ToUInt32(string? address)
    {
        if (address == null || !IPAddress.TryParse(address, out var ip) ||
            ip.AddressFamily != AddressFamily.InterNetwork || address.Count(ch => ch == '.') != 3)
            return null;
        var b = ip.GetAddressBytes();
        return (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
    }
}
