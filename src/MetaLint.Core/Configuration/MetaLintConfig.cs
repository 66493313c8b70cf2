using MetaLint.Core.Rules;

namespace MetaLint.Core.Configuration;

/// The whole of rules.yml as the engine and discovery use it.
internal sealed class MetaLintConfig : IRuleConfigSource
{
    public static readonly MetaLintConfig Default = new();

    /// The file it came from, or null for built-in defaults.
    public string? Path { get; init; }
    public IReadOnlyDictionary<string, RuleConfig> Rules { get; init; } =
        new Dictionary<string, RuleConfig>(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// `settings: { missing: ignore | report }`: whether a mapped setting absent from Security.settings is a finding.
    public MissingSettingPolicy MissingSettingPolicy { get; init; } = MissingSettingPolicy.Ignore;

    /// `standard-profiles: { level: note | warning | error | rule }`: the level of permission findings on a standard
    /// profile, whose permissions Salesforce fixes; null (`rule`) keeps each rule's level.
    public RuleLevel? StandardProfileLevel { get; init; } = RuleLevel.Note;

    /// `environments:` gates selected with --environment NAME.
    public IReadOnlyDictionary<string, EnvironmentGate> Environments { get; init; } =
        new Dictionary<string, EnvironmentGate>(StringComparer.Ordinal);

    /// Accepted risks: findings these entries match are reported as suppressed.
    public IReadOnlyList<ExceptionEntry> Exceptions { get; init; } = [];

    /// Rules whose findings can only be suppressed by an exception with a named approver (policy.require-approval).
    public IReadOnlySet<string> RequireApproval { get; init; } = new HashSet<string>();

    /// `approvers:` rule id or id prefix -> who may approve exceptions for it in PR mode (author email or name).
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Approvers { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// Everyone listed for the rule, under its id or any prefix of it.
    public IEnumerable<string> ApproversFor(string ruleId) => Approvers
        .Where(a => ruleId.StartsWith(a.Key, StringComparison.OrdinalIgnoreCase))
        .SelectMany(a => a.Value);

    public RuleConfig For(string ruleId) => Rules.TryGetValue(ruleId, out var s) ? s : RuleConfig.Default;
}
