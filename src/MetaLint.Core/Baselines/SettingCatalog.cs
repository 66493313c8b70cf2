using System.Globalization;
using MetaLint.Core.Model;

namespace MetaLint.Core.Baselines;

/// The keys MetaLint reads, and how to read each from Security.settings and the profile policy files.
internal static class SettingCatalog
{
    private const string PasswordGroup = "passwordPolicies", SessionGroup = "sessionSettings";
    private const double Infinite = double.PositiveInfinity;

    /// A boolean setting that only Security.settings sets.
    private static SettingDefinition Bool(string key, string friendly, string group, string element) =>
        new(key, friendly, SettingValueType.Boolean, group, element);

    /// A boolean password policy that a ProfilePasswordPolicy file can also set, as policyElement.
    private static SettingDefinition PasswordPolicyBool(string key, string friendly, string element, string policyElement) =>
        new(key, friendly, SettingValueType.Boolean, PasswordGroup, element, MetadataKind.ProfilePasswordPolicy, policyElement);

    /// Enum literals with their natural values, weakest first.
    private static EnumLiteral[] LiteralList(params (string, double)[] values) => [.. values.Select(v => new EnumLiteral(v.Item1, v.Item2))];

    /// A profile policy file's integer codes and the org literal each stands for.
    private static Dictionary<int, string> Codes(params (int, string)[] codes) => codes.ToDictionary(c => c.Item1, c => c.Item2);

    /// Old-API literal form of minPasswordLength (before API 35).
    private static readonly EnumLiteral[] LegacyLengths =
        LiteralList(("FiveCharacters", 5), ("EightCharacters", 8), ("TenCharacters", 10), ("TwelveCharacters", 12), ("FifteenCharacters", 15));

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new("PasswordPolicies.minPasswordLength", "MinimumPasswordLength", SettingValueType.Number, PasswordGroup, "minimumPasswordLength",
            MetadataKind.ProfilePasswordPolicy, "minimumPasswordLength")
        {
            Unit = "characters", LegacyElement = "minPasswordLength", LegacyLiterals = LegacyLengths,
        },
        new("PasswordPolicies.maxLoginAttempts", "LoginAttemptsBeforeLockout", SettingValueType.Enum, PasswordGroup, "maxLoginAttempts",
            MetadataKind.ProfilePasswordPolicy, "maxLoginAttempts",
            Codes((0, "NoLimit"), (3, "ThreeAttempts"), (5, "FiveAttempts"), (10, "TenAttempts")))
        {
            HigherIsStronger = false, Unit = "attempts",
            Literals = LiteralList(("NoLimit", Infinite), ("TenAttempts", 10), ("FiveAttempts", 5), ("ThreeAttempts", 3)),
        },
        new("PasswordPolicies.expiration", "PasswordExpiration", SettingValueType.Enum, PasswordGroup, "expiration",
            MetadataKind.ProfilePasswordPolicy, "passwordExpiration",
            Codes((0, "Never"), (30, "ThirtyDays"), (60, "SixtyDays"), (90, "NinetyDays"), (180, "SixMonths"), (365, "OneYear")))
        {
            HigherIsStronger = false, Unit = "days",
            Literals = LiteralList(("Never", Infinite), ("OneYear", 365), ("SixMonths", 180), ("NinetyDays", 90), ("SixtyDays", 60), ("ThirtyDays", 30)),
        },
        new("PasswordPolicies.complexity", "PasswordComplexity", SettingValueType.Enum, PasswordGroup, "complexity",
            MetadataKind.ProfilePasswordPolicy, "passwordComplexity",
            // Code 5 for Any3... comes from third-party sources only; Salesforce documents codes 0-4.
            Codes((0, "NoRestriction"), (1, "AlphaNumeric"), (2, "SpecialCharacters"), (3, "UpperLowerCaseNumeric"),
                (4, "UpperLowerCaseNumericSpecialCharacters"), (5, "Any3UpperLowerCaseNumericSpecialCharacters")))
        {
            Literals = LiteralList(("NoRestriction", 0), ("AlphaNumeric", 1), ("SpecialCharacters", 2), ("UpperLowerCaseNumeric", 3),
                ("Any3UpperLowerCaseNumericSpecialCharacters", 3), ("UpperLowerCaseNumericSpecialCharacters", 4)),
        },
        new("PasswordPolicies.history", "PasswordHistory", SettingValueType.Number, PasswordGroup, "historyRestriction",
            MetadataKind.ProfilePasswordPolicy, "passwordHistory") { Unit = "passwords" },
        new("PasswordPolicies.lockoutInterval", "LockoutInterval", SettingValueType.Enum, PasswordGroup, "lockoutInterval",
            MetadataKind.ProfilePasswordPolicy, "lockoutInterval",
            Codes((0, "Forever"), (15, "FifteenMinutes"), (30, "ThirtyMinutes"), (60, "SixtyMinutes")))
        {
            Unit = "minutes",
            Literals = LiteralList(("FifteenMinutes", 15), ("ThirtyMinutes", 30), ("SixtyMinutes", 60), ("Forever", Infinite)),
        },
        new("PasswordPolicies.questionRestriction", "PasswordQuestionRestriction", SettingValueType.Enum, PasswordGroup, "questionRestriction",
            MetadataKind.ProfilePasswordPolicy, "passwordQuestion", Codes((0, "None"), (1, "DoesNotContainPassword")))
        {
            Literals = LiteralList(("None", 0), ("DoesNotContainPassword", 1)),
        },
        PasswordPolicyBool("PasswordPolicies.minOneDayPasswordLifetime", "MinimumPasswordLifetime", "minimumPasswordLifetime", "minimumPasswordLifetime"),
        PasswordPolicyBool("PasswordPolicies.obscureSecretAnswer", "ObscureSecretAnswer", "obscureSecretAnswer", "obscure"),
        new("SessionSettings.timeout", "SessionTimeout", SettingValueType.Enum, SessionGroup, "sessionTimeout",
            MetadataKind.ProfileSessionSetting, "sessionTimeout",
            // 0 (most exported files) is undocumented; MetaLint reads it as the documented "2 hours".
            Codes((0, "TwoHours"), (15, "FifteenMinutes"), (30, "ThirtyMinutes"), (60, "SixtyMinutes"), (90, "NinetyMinutes"),
                (120, "TwoHours"), (240, "FourHours"), (480, "EightHours"), (720, "TwelveHours"), (1440, "TwentyFourHours")))
        {
            HigherIsStronger = false, Unit = "minutes",
            Literals = LiteralList(("TwentyFourHours", 1440), ("TwelveHours", 720), ("EightHours", 480), ("FourHours", 240), ("TwoHours", 120),
                ("NinetyMinutes", 90), ("SixtyMinutes", 60), ("ThirtyMinutes", 30), ("FifteenMinutes", 15)),
        },
        Bool("SessionSettings.forceLogoutOnTimeout", "ForceLogoutOnSessionTimeout", SessionGroup, "forceLogoutOnSessionTimeout"),
        Bool("SessionSettings.lockSessionsToDomain", "LockSessionsToDomain", SessionGroup, "lockSessionsToDomain"),
        Bool("SessionSettings.lockSessionsToIp", "LockSessionsToIp", SessionGroup, "lockSessionsToIp"),
        Bool("SessionSettings.clickjackSetup", "ClickjackProtectionSetup", SessionGroup, "enableClickjackSetup"),
        Bool("SessionSettings.clickjackNonSetup", "ClickjackProtectionNonSetup", SessionGroup, "enableClickjackNonsetupSFDC"),
        Bool("SessionSettings.clickjackVisualForceHeaders", "ClickjackProtectionVisualforce", SessionGroup, "enableClickjackNonsetupUser"),
        Bool("SessionSettings.clickjackVisualForceNoHeaders", "ClickjackProtectionVisualforceHeaderless", SessionGroup, "enableClickjackNonsetupUserHeaderless"),
        Bool("SessionSettings.csrfGet", "CsrfProtectionGet", SessionGroup, "enableCSRFOnGet"),
        Bool("SessionSettings.csrfPost", "CsrfProtectionPost", SessionGroup, "enableCSRFOnPost"),
        Bool("SessionSettings.requireHttpOnly", "RequireHttpOnly", SessionGroup, "requireHttpOnly"),
        Bool("SessionSettings.contentSniffingProtection", "ContentSniffingProtection", SessionGroup, "enableContentSniffingProtection"),
        Bool("SessionSettings.cspOnEmail", "CspOnEmail", SessionGroup, "enableCSPOnEmail"),
        Bool("SessionSettings.forceRelogin", "ForceReloginAfterLoginAs", SessionGroup, "forceRelogin"),
        Bool("SessionSettings.enforceLoginIp", "EnforceLoginIpOnEveryRequest", SessionGroup, "enforceIpRangesEveryRequest"),
        Bool("SessionSettings.enableSmsIdentity", "SmsIdentityConfirmation", SessionGroup, "enableSMSIdentity"),
        Bool("SessionSettings.terminateSessionsOnPasswordReset", "TerminateSessionsOnPasswordReset", SessionGroup, "terminateUserSessionsWhenAdminResetsPassword"),
        Bool("SessionSettings.icOn2faRegistration", "IdentityConfirmationOnMfaRegistration", SessionGroup, "identityConfirmationOnTwoFactorRegistrationEnabled"),
        Bool("SessionSettings.icOnEmailChange", "IdentityConfirmationOnEmailChange", SessionGroup, "identityConfirmationOnEmailChange"),
        Bool("LoginAccessPolicies.adminLoginAsAnyUser", "AdminLoginAsAnyUser", "", "enableAdminLoginAsAnyUser") with { SecureValue = false },
        new("NetworkSecurity.trustedIpRangesConfigured", "TrustedIpRangesConfigured", SettingValueType.Number, "networkAccess", "ipRanges")
        {
            Reader = s => s.NetworkAccess is { } access ? TrustedRanges(access) : null,
        },
    ];

    /// Keys Salesforce used in older exports: kept, reported by lint, never checked.
    public static IReadOnlySet<string> LegacyKeys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "SessionSettings.xssProtection", "SessionSettings.requireSecureConnections",
        "SessionSettings.upgradeInsecureRequests", "SessionSettings.hstsOnForcecomSites",
    };

    private static readonly Dictionary<string, SettingDefinition> ByKey =
        All.ToDictionary(d => d.Key, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, SettingDefinition> ByFriendlyName =
        All.ToDictionary(d => d.FriendlyName, StringComparer.OrdinalIgnoreCase);

    public static SettingDefinition? Find(string key) => ByKey.GetValueOrDefault(key.Trim());

    /// A JSON "setting" name: a friendly name or a Salesforce key, case-insensitively, to the Salesforce key.
    public static string CanonicalKey(string name)
    {
        var trimmed = name.Trim();
        if (ByFriendlyName.TryGetValue(trimmed, out var byFriendly)) return byFriendly.Key;
        if (ByKey.TryGetValue(trimmed, out var byKey)) return byKey.Key;
        return Baseline.Standard.Settings.FirstOrDefault(s => s.Key.Equals(trimmed, StringComparison.OrdinalIgnoreCase))?.Key
               ?? trimmed;
    }

    /// Whether a file of this kind can set the key at all.
    public static bool AppliesTo(SettingDefinition d, SettingsComponent c) => c switch
    {
        SecuritySettings => true,
        ProfilePolicy p => d.PolicyKind == p.Kind,
        _ => false,
    };

    /// The key's value as the file sets it; null when the file does not set it (absent or nil).
    public static SettingReading? Read(SettingDefinition d, SettingsComponent c)
    {
        switch (c)
        {
            case SecuritySettings s when d.Reader != null:
                return d.Reader(s);
            case SecuritySettings s:
                var (field, element) = ReadElement(s, d, d.Element);
                if (field == null && d.LegacyElement != null) (field, element) = ReadElement(s, d, d.LegacyElement);
                return field == null ? null : new SettingReading(element, field.Value.TrimXml(), Parse(d, field.Value), field.Location);
            case ProfilePolicy p when d.PolicyKind == p.Kind && p.Get(d.PolicyElement!) is { } value:
                return new SettingReading(d.PolicyElement!, value.Value.TrimXml(), ParseCode(d, value.Value), value.Location);
            default:
                return null;
        }
    }

    /// The element's text: a child of the root when the setting has no group, else a child of its group.
    private static (TextField? Field, string Element) ReadElement(SecuritySettings s, SettingDefinition d, string element) =>
        (d.Group.Length == 0 ? s.Element(element)?.Text : s.Element(d.Group)?.Get(element), element);

    /// Parses an org value (a literal, a number or a boolean); null when not recognised.
    public static SettingValue? Parse(SettingDefinition d, string text)
    {
        var t = text.TrimXml();
        switch (d.Type)
        {
            case SettingValueType.Boolean:
                return ParseBool(t) is { } b ? SettingValue.Of(b) : null;
            case SettingValueType.Number:
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                    return double.IsFinite(n) ? SettingValue.Of(n) : null;
                return d.LegacyLiterals.FirstOrDefault(l => l.Name.Equals(t, StringComparison.OrdinalIgnoreCase)) is { } len
                    ? SettingValue.Of(len.Value, len.Name)
                    : null;
            default:
                return d.Literal(t) is { } lit ? SettingValue.Of(lit.Value, lit.Name) : null;
        }
    }

    /// Parses a profile policy value: integer codes mapped onto the org literals first.
    private static SettingValue? ParseCode(SettingDefinition d, string text)
    {
        var t = text.TrimXml();
        if (d.PolicyCodes != null && int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            return d.PolicyCodes.TryGetValue(code, out var literal) ? Parse(d, literal) : null;
        return Parse(d, t);
    }

    public static bool? ParseBool(string text) => text.TrimXml().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    /// MetaLint's reading of NetworkSecurity.trustedIpRangesConfigured (Salesforce does not document it): 1 when at least
    /// one trusted range is listed and none spans more than 2^24 addresses, 0.5 when one does, 0 when none is listed.
    private static SettingReading TrustedRanges(NetworkAccess access)
    {
        var count = access.IpRanges.Count;
        var wide = access.IpRanges.Count(r => Ipv4Range.Size(r.Start, r.End) > Ipv4Range.SlashEight);
        var value = count == 0 ? 0 : wide > 0 ? 0.5 : 1;
        var raw = count == 0 ? "no trusted IP ranges"
            : wide > 0 ? $"{count} trusted IP range{(count == 1 ? "" : "s")}, {wide} wider than a /8"
            : $"{count} trusted IP range{(count == 1 ? "" : "s")}";
        return new SettingReading("networkAccess", raw, SettingValue.Of(value), access.Location);
    }
}
