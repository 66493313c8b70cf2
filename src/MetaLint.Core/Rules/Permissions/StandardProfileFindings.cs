namespace MetaLint.Core.Rules.Permissions;

/// Findings on a standard profile (&lt;custom&gt;false&lt;/custom&gt;, e.g. System Administrator): Salesforce fixes
/// its user and object permissions, so setting &lt;enabled&gt;false&lt;/enabled&gt; is not a fix. A finding about
/// such a permission (ML1001-ML1007: it carries a PermissionFact or ObjectAccessFact) says so and what to do
/// instead, at the level rules.yml gives under `standard-profiles: level` (default note). ML1008 keeps its level
/// (a guest profile's access is edited through its site) and so does ML1009 (login IP ranges stay editable).
internal static class StandardProfileFindings
{
    public const string Advice =
        " (standard profile: Salesforce does not allow editing its permissions; move users who do not need this " +
        "to a custom profile and restrict who is assigned this one)";

    /// Re-levels and explains findings[start..], one standard profile's; level null keeps each rule's level.
    public static void Apply(List<Finding> findings, int start, RuleLevel? level)
    {
        for (var i = start; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.RuleId == "ML1008" || f.Fact is not (PermissionFact or ObjectAccessFact)) continue;
            findings[i] = f with
            {
                Level = level ?? f.Level,
                Message = f.Message + Advice,
                Detail = f.Detail + Advice,
            };
        }
    }
}
