using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Parsing;

/// Reports a symbolic link in the analysed tree whose target is outside the analysed root: it is not followed, so
/// whatever it points at (a profiles folder, one profile) was not checked, yet deploy tooling follows it.
internal sealed class ML0002SymlinkLeavesProject : Rule<EscapingSymlink>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML0002", Name: "SymlinkLeavesProject", Title: "Symlink leaves the project",
        Description: "A symbolic link (to a file or a folder) inside the analysed tree points outside the analysed root, " +
                     "so MetaLint did not follow it and none of the metadata it leads to was checked.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: null, Category: RuleCategory.Parsing);

    public override void Check(EscapingSymlink link, RuleContext ctx) =>
        ctx.Report(link.Location, link.Location.File.Kind, link.Location.File.RelativePath, subject: "symlink",
            $"'{link.Location.File.RelativePath}' is a symlink to a target outside the project ({link.Target}); its content was not analysed");
}
