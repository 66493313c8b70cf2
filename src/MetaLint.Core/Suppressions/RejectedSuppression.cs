using MetaLint.Core.Rules;

namespace MetaLint.Core.Suppressions;

/// A suppression the policy refused: the rule needs an exception with a named approver (rule ML9003).
public sealed record RejectedSuppression(Finding Finding, Suppression Attempt);
