using System.Security.Cryptography;
using System.Text;
using MetaLint.Core.Configuration;
using MetaLint.Core.Model;

namespace MetaLint.Core.Rules;

/// Runs the enabled rules over the model and returns findings in a stable order with fingerprints.
public sealed class RuleEngine(IReadOnlyList<IRule> rules, MetaLintConfig config)
{
    public const string FingerprintKey = "metalint/v1";

    /// Rules restricted to some ids (tests run one rule at a time); null means all enabled rules.
    public IReadOnlySet<string>? Only { get; init; }

    public IReadOnlyList<IRule> ActiveRules => rules
        .Where(r => config.For(r.Descriptor.Id).Enabled && (Only == null || Only.Contains(r.Descriptor.Id)))
        .ToList();

    public IReadOnlyList<Finding> Run(MetadataModel model)
    {
        var findings = new List<Finding>();
        var active = ActiveRules;
        foreach (var component in model.Components)
            foreach (var rule in active)
                if (rule.Target.IsInstanceOfType(component))
                    rule.Check(component, new RuleContext(rule, config.For(rule.Descriptor.Id), findings));
        return Finalise(findings);
    }

    /// Sorts findings (path, line, column, rule, message) and gives each a fingerprint from what it is about,
    /// not where it is: rule, component type and name, subject, and an occurrence number for repeats.
    public static IReadOnlyList<Finding> Finalise(IEnumerable<Finding> findings)
    {
        var sorted = findings
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.StartLine).ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Count; i++)
        {
            var f = sorted[i];
            var key = $"{f.RuleId}|{f.ComponentType}|{f.ComponentName}|{f.Subject}";
            var n = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            sorted[i] = f with { Fingerprint = Hash($"{key}|{n}") };
        }
        return sorted;
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
