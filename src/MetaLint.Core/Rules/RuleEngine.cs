using System.Security.Cryptography;
using System.Text;
using MetaLint.Core.Model;
using MetaLint.Core.Rules.Permissions;

namespace MetaLint.Core.Rules;

/// Runs the enabled rules over the model and returns findings in a stable order with fingerprints.
internal sealed class RuleEngine(IReadOnlyList<IRule> rules, IRuleConfigSource config)
{
    public const string FingerprintKey = "metalint/v1";

    private readonly IReadOnlyList<IRule> _active = rules.Where(r => config.For(r.Descriptor.Id).Enabled).ToList();

    /// Checks the model and returns its findings sorted and fingerprinted (no suppression stage).
    public IReadOnlyList<Finding> Run(MetadataModel model) => Finalise(Check(model.Components));

    /// Hands every object to the enabled rules whose target type it is; findings come back unsorted. A permission
    /// container's findings are then folded (RedundantGrants) and, on a standard profile, re-levelled
    /// (StandardProfileFindings): both read only that component's findings, so the pass is linear.
    public List<Finding> Check(IEnumerable<object> components)
    {
        var findings = new List<Finding>();
        foreach (var component in components)
        {
            var start = findings.Count;
            foreach (var rule in _active)
                if (rule.Target.IsInstanceOfType(component))
                    rule.Check(component, new RuleContext(rule, config.For(rule.Descriptor.Id), findings));
            if (component is PermissionContainer c && findings.Count > start)
            {
                RedundantGrants.Fold(findings, start);
                if (c.IsStandardProfile) StandardProfileFindings.Apply(findings, start, config.StandardProfileLevel);
            }
        }
        return findings;
    }

    /// Sorts findings (path, line, column, rule, message) and gives each a fingerprint from what it is about,
    /// not where it is: rule, component kind and name, subject, and an occurrence number for repeats.
    public static IReadOnlyList<Finding> Finalise(IEnumerable<Finding> findings)
    {
        var sorted = Sort(findings);
        var occurrences = new Occurrences();
        for (var i = 0; i < sorted.Count; i++) sorted[i] = occurrences.Number(sorted[i]);
        return sorted;
    }

    /// The report order: path, line, column, rule, message (stable: equal findings keep their order).
    public static List<Finding> Sort(IEnumerable<Finding> findings) => findings.Order(FindingOrder.Instance).ToList();

    internal static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
