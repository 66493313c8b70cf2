namespace MetaLint.Core.Rules.Settings;

/// The ML3xxx table: one row per baseline setting that maps to a metadata element.
internal static class SettingRuleTable
{
    private static SettingRuleRow Row(string id, string key, string name, string title, string what) =>
        new(id, key, name, title, what + " is weaker than the Health Check baseline in effect (by default the Salesforce Baseline Standard).");

    public static readonly SettingRuleRow ML3101 = Row("ML3101", "PasswordPolicies.minPasswordLength", "MinimumPasswordLengthBelowBaseline", "Minimum password length below baseline", "The minimum password length");
    public static readonly SettingRuleRow ML3102 = Row("ML3102", "PasswordPolicies.maxLoginAttempts", "LoginAttemptsBeforeLockoutBelowBaseline", "Login attempts before lockout below baseline", "The number of invalid login attempts allowed before lockout");
    public static readonly SettingRuleRow ML3103 = Row("ML3103", "PasswordPolicies.expiration", "PasswordExpirationBelowBaseline", "Password expiration below baseline", "The password expiration period");
    public static readonly SettingRuleRow ML3104 = Row("ML3104", "PasswordPolicies.complexity", "PasswordComplexityBelowBaseline", "Password complexity below baseline", "The password complexity requirement");
    public static readonly SettingRuleRow ML3105 = Row("ML3105", "PasswordPolicies.history", "PasswordHistoryBelowBaseline", "Password history below baseline", "The number of remembered passwords");
    public static readonly SettingRuleRow ML3106 = Row("ML3106", "PasswordPolicies.lockoutInterval", "LockoutIntervalBelowBaseline", "Lockout interval below baseline", "The lockout effective period");
    public static readonly SettingRuleRow ML3107 = Row("ML3107", "PasswordPolicies.questionRestriction", "PasswordQuestionRestrictionBelowBaseline", "Password question restriction below baseline", "The password question restriction");
    public static readonly SettingRuleRow ML3108 = Row("ML3108", "PasswordPolicies.minOneDayPasswordLifetime", "MinimumPasswordLifetimeBelowBaseline", "Minimum one-day password lifetime below baseline", "The one-day minimum password lifetime");
    public static readonly SettingRuleRow ML3109 = Row("ML3109", "PasswordPolicies.obscureSecretAnswer", "ObscureSecretAnswerBelowBaseline", "Obscure secret answer below baseline", "Obscuring the secret answer for password resets");
    public static readonly SettingRuleRow ML3201 = Row("ML3201", "SessionSettings.timeout", "SessionTimeoutBelowBaseline", "Session timeout below baseline", "The session timeout");
    public static readonly SettingRuleRow ML3202 = Row("ML3202", "SessionSettings.forceLogoutOnTimeout", "ForceLogoutOnSessionTimeoutBelowBaseline", "Force logout on session timeout below baseline", "Forcing logout when the session times out");
    public static readonly SettingRuleRow ML3203 = Row("ML3203", "SessionSettings.lockSessionsToDomain", "LockSessionsToDomainBelowBaseline", "Lock sessions to the domain below baseline", "Locking sessions to the domain in which they were first used");
    public static readonly SettingRuleRow ML3204 = Row("ML3204", "SessionSettings.lockSessionsToIp", "LockSessionsToIpBelowBaseline", "Lock sessions to the IP address below baseline", "Locking sessions to the IP address from which they originated");
    public static readonly SettingRuleRow ML3205 = Row("ML3205", "SessionSettings.clickjackSetup", "ClickjackProtectionSetupBelowBaseline", "Clickjack protection for Setup pages below baseline", "Clickjack protection for Setup pages");
    public static readonly SettingRuleRow ML3206 = Row("ML3206", "SessionSettings.clickjackNonSetup", "ClickjackProtectionNonSetupBelowBaseline", "Clickjack protection for non-Setup pages below baseline", "Clickjack protection for non-Setup Salesforce pages");
    public static readonly SettingRuleRow ML3207 = Row("ML3207", "SessionSettings.clickjackVisualForceHeaders", "ClickjackProtectionVisualforceBelowBaseline", "Clickjack protection for Visualforce pages below baseline", "Clickjack protection for customer Visualforce pages with standard headers");
    public static readonly SettingRuleRow ML3208 = Row("ML3208", "SessionSettings.clickjackVisualForceNoHeaders", "ClickjackProtectionVisualforceHeaderlessBelowBaseline", "Clickjack protection for headerless Visualforce pages below baseline", "Clickjack protection for customer Visualforce pages with headers disabled");
    public static readonly SettingRuleRow ML3209 = Row("ML3209", "SessionSettings.csrfGet", "CsrfProtectionGetBelowBaseline", "CSRF protection on GET requests below baseline", "CSRF protection on GET requests to non-Setup pages");
    public static readonly SettingRuleRow ML3210 = Row("ML3210", "SessionSettings.csrfPost", "CsrfProtectionPostBelowBaseline", "CSRF protection on POST requests below baseline", "CSRF protection on POST requests to non-Setup pages");
    public static readonly SettingRuleRow ML3211 = Row("ML3211", "SessionSettings.requireHttpOnly", "RequireHttpOnlyBelowBaseline", "HttpOnly session cookies below baseline", "Requiring the HttpOnly attribute on session cookies");
    public static readonly SettingRuleRow ML3212 = Row("ML3212", "SessionSettings.contentSniffingProtection", "ContentSniffingProtectionBelowBaseline", "Content sniffing protection below baseline", "Content sniffing protection");
    public static readonly SettingRuleRow ML3213 = Row("ML3213", "SessionSettings.cspOnEmail", "CspOnEmailBelowBaseline", "Content Security Policy on email templates below baseline", "Applying Content Security Policy to email templates");
    public static readonly SettingRuleRow ML3214 = Row("ML3214", "SessionSettings.forceRelogin", "ForceReloginAfterLoginAsBelowBaseline", "Force relogin after Login-As-User below baseline", "Forcing relogin after an administrator uses Login-As-User");
    public static readonly SettingRuleRow ML3215 = Row("ML3215", "SessionSettings.enforceLoginIp", "EnforceLoginIpOnEveryRequestBelowBaseline", "Enforce login IP ranges on every request below baseline", "Enforcing login IP ranges on every request");
    public static readonly SettingRuleRow ML3216 = Row("ML3216", "SessionSettings.enableSmsIdentity", "SmsIdentityConfirmationBelowBaseline", "SMS identity confirmation below baseline", "Identity confirmation by SMS");
    public static readonly SettingRuleRow ML3217 = Row("ML3217", "SessionSettings.terminateSessionsOnPasswordReset", "TerminateSessionsOnPasswordResetBelowBaseline", "Terminate sessions on admin password reset below baseline", "Ending a user's sessions when an administrator resets the password");
    public static readonly SettingRuleRow ML3218 = Row("ML3218", "SessionSettings.icOn2faRegistration", "IdentityConfirmationOnMfaRegistrationBelowBaseline", "Identity confirmation on MFA registration below baseline", "Identity confirmation when a user registers a verification method");
    public static readonly SettingRuleRow ML3219 = Row("ML3219", "SessionSettings.icOnEmailChange", "IdentityConfirmationOnEmailChangeBelowBaseline", "Identity confirmation on email change below baseline", "Identity confirmation when a user changes the email address");
    public static readonly SettingRuleRow ML3301 = Row("ML3301", "LoginAccessPolicies.adminLoginAsAnyUser", "AdminLoginAsAnyUserBelowBaseline", "Administrators can log in as any user", "Letting administrators log in as any user without being granted access");
    public static readonly SettingRuleRow ML3302 = Row("ML3302", "NetworkSecurity.trustedIpRangesConfigured", "TrustedIpRangesBelowBaseline", "Trusted IP ranges below baseline", "The org's trusted IP ranges (networkAccess)");
}
