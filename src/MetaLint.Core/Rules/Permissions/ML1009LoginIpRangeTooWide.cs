using System.Globalization;
using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Permissions;

/// Flags profile login IP ranges spanning more than 2^24 IPv4 addresses.
internal sealed class ML1009LoginIpRangeTooWide : Rule<PermissionContainer>
{
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
            if (Ipv4Range.Size(range.StartAddress, range.EndAddress) is not { } size || size <= Ipv4Range.SlashEight) continue;
            var span = $"{range.StartAddress}-{range.EndAddress}";
            ctx.Report(c, range.Location, span,
                $"allows login from {span} ({size.ToString("N0", CultureInfo.InvariantCulture)} addresses, more than a /8)");
        }
    }
}
