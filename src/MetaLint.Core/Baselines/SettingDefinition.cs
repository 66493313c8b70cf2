using MetaLint.Core.Model;

namespace MetaLint.Core.Baselines;

/// A Health Check baseline key that MetaLint can read from metadata.
/// <param name="Group">The Security.settings child that holds it ("passwordPolicies", "sessionSettings"), or "" when
/// it is a child of the root itself (enableAdminLoginAsAnyUser).</param>
/// <param name="Element">Its element there.</param>
/// <param name="PolicyElement">Its element in a ProfilePasswordPolicy or ProfileSessionSetting file, if any.</param>
/// <param name="PolicyCodes">Integer codes of that element mapped onto the org literals.</param>
internal sealed record SettingDefinition(
    string Key, string FriendlyName, SettingValueType Type, string Group, string Element,
    MetadataKind? PolicyKind = null, string? PolicyElement = null,
    IReadOnlyDictionary<int, string>? PolicyCodes = null)
{
    /// Whether a larger number (or later literal) is the stronger setting.
    public bool HigherIsStronger { get; init; } = true;

    /// For booleans: the secure value.
    public bool SecureValue { get; init; } = true;

    /// Enum literals weakest first, with their natural values.
    public IReadOnlyList<EnumLiteral> Literals { get; init; } = [];

    /// Natural unit of JSON standardValue ("minutes"); empty when values are literals or ranks.
    public string Unit { get; init; } = "";

    /// An older element name read when Element is not set (minPasswordLength before API 35).
    public string? LegacyElement { get; init; }

    /// Older literal forms of a number ("EightCharacters" for 8), read when the text is not a number.
    public IReadOnlyList<EnumLiteral> LegacyLiterals { get; init; } = [];

    /// How to read a setting that is not one element's text (the trusted IP ranges); null for the usual reading.
    public Func<SecuritySettings, SettingReading?>? Reader { get; init; }

    /// Whether the value is one element inside a group element of Security.settings (passwordPolicies).
    public bool IsInGroup => Group.Length > 0 && Reader == null;

    /// Literal by name, case-insensitively.
    public EnumLiteral? Literal(string name) =>
        Literals.FirstOrDefault(l => l.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// True when a is strictly weaker than b.
    public bool Weaker(double a, double b) => HigherIsStronger ? a < b : a > b;
}
