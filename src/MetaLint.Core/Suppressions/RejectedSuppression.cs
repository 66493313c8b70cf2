using MetaLint.Core.Rules;

namespace MetaLint.Core.Suppressions;

/// A suppression the policy refused (rule ML9003): the rule needs an exception with a named approver, or, in PR
/// mode, the exception's approval could not be verified; Reason then says why.
internal sealed record RejectedSuppression(Finding Finding, Suppression Attempt, string? Reason = null);
