using System.Net;
using System.Net.Sockets;

namespace MetaLint.Core.Model;

/// IPv4 address ranges as metadata writes them (profile login ranges, trusted network ranges).
internal static class Ipv4Range
{
    /// The number of addresses in a /8, the widest range ML1009 and the trusted-range reading accept.
    public const ulong SlashEight = 1UL << 24;

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
