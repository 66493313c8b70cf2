namespace MetaLint.Core.Rules.Permissions;

/// ML1001, ML1002, ML1007: a granted user permission from a fixed list. One class over the table in
/// UserPermissionGrants, a row per id; each id keeps its page and fixtures.
internal sealed class UserPermissionGrantRule(UserPermissionGrantRow row) : UserPermissionRule
{
    private readonly IReadOnlySet<string> _flagged = Set(row.Permissions);

    public UserPermissionGrantRow Row => row;

    public override RuleDescriptor Descriptor => row.Descriptor;

    protected override IReadOnlySet<string> Flagged(RuleContext ctx) => _flagged;
}
