using MetaLint.Core.Rules.Packaging;
using MetaLint.Core.Rules.Parsing;
using MetaLint.Core.Rules.Permissions;
using MetaLint.Core.Rules.Settings;
using MetaLint.Core.Rules.Suppressions;

namespace MetaLint.Core.Rules;

/// Every rule, one line each, sorted by id. Ids are public API: never renumber or reuse.
public static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new ML0001ParseFailure(),
        new ML1001ModifyAllData(),
        new ML1002ViewAllData(),
        new ML1003ObjectModifyAll(),
        new ML1004ObjectViewAll(),
        new ML1005ViewAllFields(),
        new ML1006HighRiskPermission(),
        new ML1007AuthenticationWeakened(),
        new ML1008GuestUserExposure(),
        new ML1009LoginIpRangeTooWide(),
        new ML2001LicenseBearingPermissionSet(),
        new SettingRule(SettingRules.ML3101),
        new SettingRule(SettingRules.ML3102),
        new SettingRule(SettingRules.ML3103),
        new SettingRule(SettingRules.ML3104),
        new SettingRule(SettingRules.ML3105),
        new SettingRule(SettingRules.ML3106),
        new SettingRule(SettingRules.ML3107),
        new SettingRule(SettingRules.ML3108),
        new SettingRule(SettingRules.ML3109),
        new SettingRule(SettingRules.ML3201),
        new SettingRule(SettingRules.ML3202),
        new SettingRule(SettingRules.ML3203),
        new SettingRule(SettingRules.ML3204),
        new SettingRule(SettingRules.ML3205),
        new SettingRule(SettingRules.ML3206),
        new SettingRule(SettingRules.ML3207),
        new SettingRule(SettingRules.ML3208),
        new SettingRule(SettingRules.ML3209),
        new SettingRule(SettingRules.ML3210),
        new SettingRule(SettingRules.ML3211),
        new SettingRule(SettingRules.ML3212),
        new SettingRule(SettingRules.ML3213),
        new SettingRule(SettingRules.ML3214),
        new SettingRule(SettingRules.ML3215),
        new SettingRule(SettingRules.ML3216),
        new SettingRule(SettingRules.ML3217),
        new SettingRule(SettingRules.ML3218),
        new SettingRule(SettingRules.ML3219),
        new SettingRule(SettingRules.ML3301),
        new SettingRule(SettingRules.ML3302),
        new ML9001InvalidInlineSuppression(),
        new ML9002ExpiredException(),
        new ML9003UnapprovedSuppression(),
    ];

    /// Retired ids with the reason; kept so they are never reused.
    public static IReadOnlyDictionary<string, string> Retired { get; } = new Dictionary<string, string>();

    private static readonly Dictionary<string, IRule> ById =
        All.ToDictionary(r => r.Descriptor.Id, StringComparer.OrdinalIgnoreCase);

    public static IRule? Find(string id) => ById.GetValueOrDefault(id.Trim());

    public static IRule Get(string id) => Find(id) ?? throw new KeyNotFoundException($"no rule {id}");
}
