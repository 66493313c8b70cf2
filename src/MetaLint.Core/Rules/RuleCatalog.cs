using MetaLint.Core.Rules.Packaging;
using MetaLint.Core.Rules.Parsing;
using MetaLint.Core.Rules.Permissions;
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
