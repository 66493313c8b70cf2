using MetaLint.Core.Discovery;
using MetaLint.Core.IO;
using MetaLint.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MetaLint.Core.Configuration;

/// Reads rules.yml with line numbers, so every problem can be pointed at.
internal static class ConfigLoader
{
    public const string FileName = "rules.yml";

    private static readonly string[] TopLevelKeys = ["rules", "exclude", "exceptions", "policy", "settings", "standard-profiles", "environments", "approvers"];
    private static readonly string[] ExceptionKeys = ["rule", "component", "path", "justification", "approvedBy", "expires"];
    private static readonly string[] SettingsKeys = ["missing"];
    private static readonly string[] EnvironmentKeys = ["min-score", "fail"];
    private static readonly string[] RuleKeys = ["enabled", "level"];

    /// The nearest rules.yml at or above the folder of the first path, or null.
    public static string? FindNearest(string startPath)
    {
        var full = Path.GetFullPath(startPath);
        var start = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        return Discoverer.Ancestor(start, dir => File.Exists(Path.Combine(dir, FileName))) is { } dir
            ? Path.Combine(dir, FileName)
            : null;
    }

    /// The rules.yml a run uses: the one given (--config), else the nearest at or above nearPath; null for none.
    public static string? Locate(string? configPath, string nearPath) => configPath ?? FindNearest(nearPath);

    /// The configuration of a run, for `metalint check`, `metalint baseline` and the language server alike: the
    /// file Locate found, read by read (Load unless given: the language server reads through its cache), or the
    /// defaults when there is none. Throws the ConfigException that stops a run.
    public static MetaLintConfig LoadOrDefault(string? file, Func<string, MetaLintConfig>? read = null) =>
        file == null ? MetaLintConfig.Default : (read ?? Load)(file);

    public static MetaLintConfig Load(string path)
    {
        string text;
        try { text = InputFile.ReadAllText(path, InputFile.DefaultConfigLimit, FileName); }
        catch (InputFileException e) { throw new ConfigException(path, 1, 1, e.Message); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, 1, 1, $"cannot read the file: {e.Message}");
        }
        return Parse(text, path);
    }

    /// How deeply mappings and lists may nest; rules.yml needs four levels (rules: ML1006: allow: [...]).
    public const int MaxDepth = 32;

    /// Parses rules.yml text. Every problem, however hostile the text, is a ConfigException naming line and column.
    public static MetaLintConfig Parse(string text, string path)
    {
        var stream = new YamlStream();
        try { stream.Load(new LimitedParser(new Parser(new StringReader(text)))); }
        catch (YamlException e)
        {
            throw new ConfigException(path, (int)e.Start.Line, (int)e.Start.Column, $"invalid YAML: {Inner(e).Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed input (found by LoaderFuzzTests).
            throw new ConfigException(path, 1, 1, $"invalid YAML: {e.Message}");
        }
        if (stream.Documents.Count > 1)
            throw Error(path, stream.Documents[1].RootNode, "rules.yml must hold one YAML document (remove the '---' separator)");
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new MetaLintConfig { Path = path };
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Error(path, stream.Documents[0].RootNode, $"the file must be a mapping with keys: {string.Join(", ", TopLevelKeys)}");

        var rules = new Dictionary<string, RuleConfig>(StringComparer.OrdinalIgnoreCase);
        var exclude = new List<string>();
        var missing = MissingSettingPolicy.Ignore;
        RuleLevel? standardProfileLevel = RuleLevel.Note;
        var environments = new Dictionary<string, EnvironmentGate>(StringComparer.Ordinal);
        var exceptions = new List<ExceptionEntry>();
        var requireApproval = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var approvers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(path, keyNode);
            switch (key)
            {
                case "rules":
                    if (IsNull(value)) break;
                    if (value is not YamlMappingNode ruleMap)
                        throw Error(path, value, "'rules' must map rule ids to settings");
                    foreach (var (idNode, settings) in ruleMap.Children)
                    {
                        var id = Key(path, idNode);
                        if (RuleCatalog.Find(id) is not { } rule)
                            throw Error(path, idNode, $"unknown rule id '{id}' (see `metalint rules`)");
                        if (rules.ContainsKey(rule.Descriptor.Id))
                            throw Error(path, idNode, $"{rule.Descriptor.Id} is configured twice");
                        rules[rule.Descriptor.Id] = ParseRule(path, rule, settings);
                    }
                    break;
                case "exclude":
                    exclude.AddRange(StringList(path, value, "exclude"));
                    break;
                case "settings":
                    missing = ParseSettings(path, value);
                    break;
                case "standard-profiles":
                    standardProfileLevel = ParseStandardProfiles(path, value);
                    break;
                case "environments":
                    foreach (var env in ParseEnvironments(path, value)) environments[env.Name] = env;
                    break;
                case "exceptions":
                    if (IsNull(value)) break;
                    if (value is not YamlSequenceNode entries)
                        throw Error(path, value, "'exceptions' must be a list of entries (rule, component or path, justification, approvedBy, expires)");
                    exceptions.AddRange(entries.Children.Select(e => ParseException(path, e)));
                    break;
                case "policy":
                    if (IsNull(value)) break;
                    if (value is not YamlMappingNode policy)
                        throw Error(path, value, "'policy' must be a mapping with key: require-approval");
                    foreach (var (policyKey, policyValue) in policy.Children)
                    {
                        if (Key(path, policyKey) != "require-approval")
                            throw Error(path, policyKey, $"unknown policy '{Key(path, policyKey)}' (expected: require-approval)");
                        foreach (var (id, node) in StringListWithNodes(path, policyValue, "require-approval"))
                            requireApproval.Add(RuleCatalog.Find(id)?.Descriptor.Id
                                                ?? throw Error(path, node, $"unknown rule id '{id}' in require-approval"));
                    }
                    break;
                case "approvers":
                    ParseApprovers(path, value, approvers);
                    break;
                default:
                    throw Error(path, keyNode, $"unknown key '{key}' (expected one of: {string.Join(", ", TopLevelKeys)})");
            }
        }
        return new MetaLintConfig
        {
            Path = path, Rules = rules, Exclude = exclude, Exceptions = exceptions, RequireApproval = requireApproval,
            MissingSettingPolicy = missing, Environments = environments, StandardProfileLevel = standardProfileLevel,
            Approvers = approvers,
        };
    }

    /// `approvers:` maps a rule id or an id prefix (ML10: every access rule) to the people who may approve its
    /// exceptions in PR mode, by git author email or name.
    private static void ParseApprovers(string path, YamlNode node, Dictionary<string, IReadOnlyList<string>> approvers)
    {
        if (IsNull(node)) return;
        if (node is not YamlMappingNode map)
            throw Error(path, node, "'approvers' must map rule ids or id prefixes (ML10) to lists of approvers");
        foreach (var (keyNode, value) in map.Children)
        {
            var prefix = Key(path, keyNode).Trim();
            if (prefix.Length == 0 || !RuleCatalog.All.Any(r => r.Descriptor.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                throw Error(path, keyNode, $"'{prefix}' under 'approvers' is neither a rule id nor the prefix of one (see `metalint rules`)");
            if (approvers.ContainsKey(prefix))
                throw Error(path, keyNode, $"'{prefix}' is listed twice under 'approvers'");
            approvers[prefix] = StringList(path, value, prefix).Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        }
    }

    private static MissingSettingPolicy ParseSettings(string path, YamlNode node)
    {
        if (IsNull(node)) return MissingSettingPolicy.Ignore;
        if (node is not YamlMappingNode map)
            throw Error(path, node, "'settings' must be a mapping with keys: missing");
        var missing = MissingSettingPolicy.Ignore;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Key(path, keyNode);
            if (key != "missing")
                throw Error(path, keyNode, $"unknown key '{key}' under 'settings' (expected one of: {string.Join(", ", SettingsKeys)})");
            var text = Scalar(path, value, key);
            missing = text.ToLowerInvariant() switch
            {
                "ignore" => MissingSettingPolicy.Ignore,
                "report" => MissingSettingPolicy.Report,
                _ => throw Error(path, value, $"'missing' must be ignore or report, not '{text}'"),
            };
        }
        return missing;
    }

    /// `standard-profiles: { level: note | warning | error | rule }`; `rule` (null) keeps each rule's level.
    private static RuleLevel? ParseStandardProfiles(string path, YamlNode node)
    {
        if (IsNull(node)) return RuleLevel.Note;
        if (node is not YamlMappingNode map)
            throw Error(path, node, "'standard-profiles' must be a mapping with key: level");
        RuleLevel? level = RuleLevel.Note;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Key(path, keyNode);
            if (key != "level")
                throw Error(path, keyNode, $"unknown key '{key}' under 'standard-profiles' (expected: level)");
            var text = Scalar(path, value, key);
            level = text.Trim().Equals("rule", StringComparison.OrdinalIgnoreCase) ? null
                : RuleLevelExtensions.Parse(text)
                  ?? throw Error(path, value, $"'level' under 'standard-profiles' must be note, warning, error or rule, not '{text}'");
        }
        return level;
    }

    private static IEnumerable<EnvironmentGate> ParseEnvironments(string path, YamlNode node)
    {
        if (IsNull(node)) yield break;
        if (node is not YamlMappingNode map)
            throw Error(path, node, "'environments' must map environment names to { min-score, fail }");
        foreach (var (nameNode, settings) in map.Children)
        {
            var name = Key(path, nameNode);
            double? minScore = null;
            var fail = true;
            if (!IsNull(settings))
            {
                if (settings is not YamlMappingNode envMap)
                    throw Error(path, settings, $"environment '{name}' must be a mapping with keys: {string.Join(", ", EnvironmentKeys)}");
                foreach (var (keyNode, value) in envMap.Children)
                {
                    var key = Key(path, keyNode);
                    var text = Scalar(path, value, key);
                    switch (key)
                    {
                        case "min-score":
                            if (!double.TryParse(text, System.Globalization.NumberStyles.Float,
                                    System.Globalization.CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score) || score < 0 || score > 100)
                                throw Error(path, value, $"'min-score' must be a number from 0 to 100, not '{text}'");
                            minScore = score;
                            break;
                        case "fail":
                            fail = text.ToLowerInvariant() switch
                            {
                                "true" or "yes" or "on" => true,
                                "false" or "no" or "off" => false,
                                _ => throw Error(path, value, $"'fail' must be true or false, not '{text}'"),
                            };
                            break;
                        default:
                            throw Error(path, keyNode, $"unknown key '{key}' in environment '{name}' (expected one of: {string.Join(", ", EnvironmentKeys)})");
                    }
                }
            }
            yield return new EnvironmentGate(name, minScore, fail);
        }
    }

    private static RuleConfig ParseRule(string path, IRule rule, YamlNode node)
    {
        if (IsNull(node)) return RuleConfig.Default;
        if (node is not YamlMappingNode map)
            throw Error(path, node, $"settings of {rule.Descriptor.Id} must be a mapping (enabled, level{string.Concat(rule.OptionKeys.Select(k => ", " + k))})");
        var enabled = true;
        RuleLevel? level = null;
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Key(path, keyNode);
            if (key == "enabled")
            {
                enabled = Scalar(path, value, key).ToLowerInvariant() switch
                {
                    "true" or "yes" or "on" => true,
                    "false" or "no" or "off" => false,
                    var other => throw Error(path, value, $"'enabled' must be true or false, not '{other}'"),
                };
            }
            else if (key == "level")
            {
                var text = Scalar(path, value, key);
                level = RuleLevelExtensions.Parse(text)
                        ?? throw Error(path, value, $"'level' must be error, warning or note, not '{text}'");
            }
            else if (rule.OptionKeys.Contains(key))
            {
                lists[key] = StringList(path, value, key);
            }
            else
            {
                var allowed = RuleKeys.Concat(rule.OptionKeys);
                throw Error(path, keyNode, $"unknown setting '{key}' for {rule.Descriptor.Id} (expected one of: {string.Join(", ", allowed)})");
            }
        }
        return new RuleConfig { Enabled = enabled, Level = level, Lists = lists };
    }

    private static List<string> StringList(string path, YamlNode node, string key) =>
        StringListWithNodes(path, node, key).Select(x => x.Value).ToList();

    private static List<(string Value, YamlNode Node)> StringListWithNodes(string path, YamlNode node, string key)
    {
        if (IsNull(node)) return [];
        if (node is not YamlSequenceNode seq)
            throw Error(path, node, $"'{key}' must be a list of strings");
        return seq.Children.Select(item => (Scalar(path, item, key), item)).ToList();
    }

    private static ExceptionEntry ParseException(string path, YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw Error(path, node, "each exception must be a mapping (rule, component or path, justification, approvedBy, expires)");
        var values = new Dictionary<string, (string Value, YamlNode Node)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Key(path, keyNode);
            if (!ExceptionKeys.Contains(key))
                throw Error(path, keyNode, $"unknown exception key '{key}' (expected one of: {string.Join(", ", ExceptionKeys)})");
            values[key] = (Scalar(path, value, key).Trim(), value);
        }
        string? Get(string key) => values.TryGetValue(key, out var v) && v.Value.Length > 0 ? v.Value : null;

        var ruleText = Get("rule") ?? throw Error(path, node, "exception needs 'rule'");
        var rule = RuleCatalog.Find(ruleText) ?? throw Error(path, values["rule"].Node, $"unknown rule id '{ruleText}'");
        var component = Get("component");
        var glob = Get("path");
        if ((component == null) == (glob == null))
            throw Error(path, node, "exception needs exactly one of 'component' (Name or Type:Name) or 'path' (a glob)");
        var justification = Get("justification") ?? throw Error(path, node, "exception needs a 'justification'");
        DateOnly? expires = null;
        if (Get("expires") is { } e)
            expires = DateOnly.TryParseExact(e, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var d)
                ? d
                : throw Error(path, values["expires"].Node, $"'expires' must be a date like 2026-12-31, not '{e}'");
        return new ExceptionEntry(rule.Descriptor.Id, component, glob, justification, Get("approvedBy"), expires,
            (int)node.Start.Line);
    }

    private static string Scalar(string path, YamlNode node, string key) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(path, node, $"'{key}' must be a plain value");

    private static string Key(string path, YamlNode node) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(path, node, "keys must be plain strings");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && (s.Value is null or "" or "~" or "null") && s.Style == YamlDotNet.Core.ScalarStyle.Plain;

    private static ConfigException Error(string path, YamlNode node, string problem) =>
        new(path, (int)node.Start.Line, (int)node.Start.Column, problem);

    private static Exception Inner(Exception e) => e.InnerException is { } i and not null ? i : e;

    /// Refuses, while the events stream in and before any node is built, what rules.yml never needs and a hostile
    /// file uses to exhaust the process: nesting deeper than MaxDepth (building nodes recurses, so 100 KB of
    /// nested mappings would overflow the stack) and anchors and aliases (one alias can stand for a list that
    /// itself repeats an alias, multiplying a pattern thousands of times).
    private sealed class LimitedParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            switch (inner.Current)
            {
                case AnchorAlias alias:
                    throw new YamlException(alias.Start, alias.End,
                        $"aliases (*{alias.Value}) are not allowed in rules.yml; write the value out");
                case NodeEvent { Anchor.IsEmpty: false } node:
                    throw new YamlException(node.Start, node.End,
                        $"anchors (&{node.Anchor}) are not allowed in rules.yml; write the value out");
            }
            switch (inner.Current)
            {
                case MappingStart or SequenceStart when ++_depth > MaxDepth:
                    throw new YamlException(inner.Current.Start, inner.Current.End,
                        $"mappings and lists nest deeper than {MaxDepth} levels");
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }
            return true;
        }
    }
}
