namespace MetaLint.Core.Rules.Permissions;

/// Flags permissions that bypass MFA, password expiry or identity confirmation.
public sealed class ML1007AuthenticationWeakened : UserPermissionRule
{
    private static readonly IReadOnlySet<string> Names =
        Set("BypassMFAForUiLogins", "PasswordNeverExpires", "SkipIdentityConfirmation");

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML1007", Name: "AuthenticationWeakened", Title: "Authentication weakened",
        Description: "A profile or permission set grants BypassMFAForUiLogins, PasswordNeverExpires or " +
                     "SkipIdentityConfirmation, exempting its holders from an authentication control.",
        DefaultLevel: RuleLevel.Warning, SecuritySeverity: 7.0m, Category: RuleCategory.Permissions);

    protected override IReadOnlySet<string> Flagged(RuleContext ctx) => Names;
}
