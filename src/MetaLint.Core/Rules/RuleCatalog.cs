using MetaLint.Core.Rules.Packaging;
using MetaLint.Core.Rules.Parsing;
using MetaLint.Core.Rules.Permissions;
using MetaLint.Core.Rules.Settings;
using MetaLint.Core.Rules.Suppressions;

namespace MetaLint.Core.Rules;

/// Every rule, one line each, sorted by id. Ids are public API: never renumber or reuse.
internal static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new ML0001ParseFailure(),
        new ML0002SymlinkLeavesProject(),
        new UserPermissionGrantRule(UserPermissionGrants.ML1001),
        new UserPermissionGrantRule(UserPermissionGrants.ML1002),
        new ML1003ObjectModifyAll(),
        new ML1004ObjectViewAll(),
        new ML1005ViewAllFields(),
        new ML1006HighRiskPermission(),
        new UserPermissionGrantRule(UserPermissionGrants.ML1007),
        new ML1008GuestUserExposure(),
        new ML1009LoginIpRangeTooWide(),
        new ML1010GrantRemovedNotRevoked(),
        new ML2001LicenseBearingPermissionSet(),
        new SettingRule(SettingRuleTable.ML3101),
        new SettingRule(SettingRuleTable.ML3102),
        new SettingRule(SettingRuleTable.ML3103),
        new SettingRule(SettingRuleTable.ML3104),
        new SettingRule(SettingRuleTable.ML3105),
        new SettingRule(SettingRuleTable.ML3106),
        new SettingRule(SettingRuleTable.ML3107),
        new SettingRule(SettingRuleTable.ML3108),
        new SettingRule(SettingRuleTable.ML3109),
        new SettingRule(SettingRuleTable.ML3201),
        new SettingRule(SettingRuleTable.ML3202),
        new SettingRule(SettingRuleTable.ML3203),
        new SettingRule(SettingRuleTable.ML3204),
        new SettingRule(SettingRuleTable.ML3205),
        new SettingRule(SettingRuleTable.ML3206),
        new SettingRule(SettingRuleTable.ML3207),
        new SettingRule(SettingRuleTable.ML3208),
        new SettingRule(SettingRuleTable.ML3209),
        new SettingRule(SettingRuleTable.ML3210),
        new SettingRule(SettingRuleTable.ML3211),
        new SettingRule(SettingRuleTable.ML3212),
        new SettingRule(SettingRuleTable.ML3213),
        new SettingRule(SettingRuleTable.ML3214),
        new SettingRule(SettingRuleTable.ML3215),
        new SettingRule(SettingRuleTable.ML3216),
        new SettingRule(SettingRuleTable.ML3217),
        new SettingRule(SettingRuleTable.ML3218),
        new SettingRule(SettingRuleTable.ML3219),
        new SettingRule(SettingRuleTable.ML3301),
        new SettingRule(SettingRuleTable.ML3302),
        new ML9001InvalidInlineSuppression(),
        new ML9002ExpiredExceptionEntry(),
        new ML9003UnapprovedSuppression(),
    ];

    /// Retired ids with the reason; kept so they are never reused.
    public static IReadOnlyDictionary<string, string> Retired { get; } = new Dictionary<string, string>();

    private static readonly Dictionary<string, IRule> ById =
        All.ToDictionary(r => r.Descriptor.Id, StringComparer.OrdinalIgnoreCase);

    public static IRule? Find(string id) => ById.GetValueOrDefault(id.Trim());

    public static IRule Get(string id) => Find(id) ?? throw new KeyNotFoundException($"no rule {id}");
}
