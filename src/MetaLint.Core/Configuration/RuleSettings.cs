namespace MetaLint.Core.Configuration;

/// One rule's entry in rules.yml: on/off, a level override, and rule-specific options.
public sealed class RuleSettings
{
    public static readonly RuleSettings Default = new();

    public bool Enabled { get; init; } = true;
    public Rules.RuleLevel? Level { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string>? GetList(string key) => Lists.TryGetValue(key, out var v) ? v : null;
}

/// The whole of rules.yml as the engine and discovery use it.
public sealed class MetaLintConfig
{
    public static readonly MetaLintConfig Default = new();

    /// The file it came from, or null for built-in defaults.
    public string? Path { get; init; }
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; init; } =
        new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// Accepted risks: findings these entries match are reported as suppressed.
    public IReadOnlyList<ExceptionEntry> Exceptions { get; init; } = [];

    /// Rules whose findings can only be suppressed by an exception with a named approver (policy.require-approval).
    public IReadOnlySet<string> RequireApproval { get; init; } = new HashSet<string>();

    public RuleSettings For(string ruleId) => Rules.TryGetValue(ruleId, out var s) ? s : RuleSettings.Default;
}

/// A configuration file that cannot be used: names the file, the position and the problem (exit code 2).
public sealed class ConfigException(string file, int line, int column, string problem)
    : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
}
