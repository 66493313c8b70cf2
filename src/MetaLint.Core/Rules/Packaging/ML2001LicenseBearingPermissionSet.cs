using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Packaging;

/// Flags permission sets tied to a licence, which cannot go into managed packages and assign the licence.
internal sealed class ML2001LicenseBearingPermissionSet : Rule<PermissionContainer>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML2001", Name: "LicenseBearingPermissionSet", Title: "License-bearing permission set",
        Description: "A permission set names a licence (<license>, or legacy <userLicense>): it cannot be added " +
                     "to managed packages, and assigning it also assigns the licence.",
        DefaultLevel: RuleLevel.Note, SecuritySeverity: 3.0m, Category: RuleCategory.Packaging);

    public override void Check(PermissionContainer c, RuleContext ctx)
    {
        if (c.Kind != MetadataKind.PermissionSet || c.License is not { } license) return;
        var value = license.Value.TrimXml();
        if (value.Length == 0) return;
        ctx.Report(c, license.Location, value, $"requires the license '{value}'");
    }
}
