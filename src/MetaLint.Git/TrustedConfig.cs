using System.Globalization;
using MetaLint.Core.Configuration;
using MetaLint.Core.Rules;
using Commit = LibGit2Sharp.Commit;

namespace MetaLint.Git;

/// PR mode's trust boundary: what decides the gate (rules, levels, exclude, policy, environments, approvers) is
/// read from the base commit's rules.yml, never from the change under review. The change's own exceptions are
/// kept, those already on the base first, so that ApprovalCheck can vet the ones it adds.
/// <param name="Effective">The configuration both sides are analysed with.</param>
/// <param name="Base">The base's rules.yml (the defaults when the base has none).</param>
/// <param name="ConfigPath">Repository-relative path of rules.yml; null when it lies outside the repository
/// (--config elsewhere: not part of the change, trusted as it is) or neither side has one.</param>
/// <param name="Added">Exceptions the change adds (not on the base with the same values).</param>
/// <param name="Loosenings">How the change's rules.yml weakens the base's, one phrase each ("disables ML1001").</param>
internal sealed record TrustedConfig(
    MetaLintConfig Effective, MetaLintConfig Base, string? ConfigPath,
    IReadOnlySet<ExceptionEntry> Added, IReadOnlyList<string> Loosenings)
{
    /// Reads the base's counterpart of head (the rules.yml in use), or, when the head has none, the nearest
    /// rules.yml the base holds at or above startPath.
    public static TrustedConfig Load(GitRepository git, Commit baseCommit, string baseRef, MetaLintConfig head, string startPath)
    {
        var path = head.Path != null ? RepoPath(git, head.Path) : NearestInBase(git, baseCommit, startPath);
        if (path == null) return new TrustedConfig(head, head, null, new HashSet<ExceptionEntry>(), []);

        var text = GitRepository.ReadText(baseCommit, path);
        MetaLintConfig @base;
        try { @base = text == null ? MetaLintConfig.Default : ConfigLoader.Parse(text, $"{path} at {baseRef}"); }
        catch (ConfigException e) { throw new GitException($"the base's rules.yml cannot be used: {e.Message}"); }

        var onBase = @base.Exceptions.Select(Key).ToHashSet();
        var kept = head.Exceptions.Where(e => onBase.Contains(Key(e))).ToList();
        var added = head.Exceptions.Where(e => !onBase.Contains(Key(e))).ToList();
        var effective = new MetaLintConfig
        {
            Path = head.Path ?? @base.Path, Rules = @base.Rules, Exclude = @base.Exclude,
            MissingSettingPolicy = @base.MissingSettingPolicy, StandardProfileLevel = @base.StandardProfileLevel,
            Environments = @base.Environments,
            RequireApproval = @base.RequireApproval, Approvers = @base.Approvers,
            Exceptions = [.. kept, .. added],   // the base's first: they win over an added one matching the same finding
        };
        var loosenings = Loosened(@base, head).ToList();
        if (head.Path == null && text != null) loosenings.Insert(0, $"deletes {path}");
        return new TrustedConfig(effective, @base, path, added.ToHashSet(), loosenings);
    }

    /// The same entry as far as approval goes: every value but the line it stands on.
    public static ExceptionEntry Key(ExceptionEntry e) => e with { Line = 0 };

    private static string? RepoPath(GitRepository git, string file)
    {
        var rel = Path.GetRelativePath(git.WorkDir, Path.GetFullPath(file));
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? null : rel.Replace('\\', '/');
    }

    private static string? NearestInBase(GitRepository git, Commit baseCommit, string startPath)
    {
        var full = Path.GetFullPath(startPath);
        var dir = RepoPath(git, Directory.Exists(full) ? full : Path.GetDirectoryName(full)!);
        for (; dir != null; dir = dir is "." or "" ? null : Path.GetDirectoryName(dir)?.Replace('\\', '/'))
        {
            var candidate = dir is "." or "" ? ConfigLoader.FileName : $"{dir}/{ConfigLoader.FileName}";
            if (GitRepository.ReadText(baseCommit, candidate) != null) return candidate;
        }
        return null;
    }

    /// Every way head is weaker than base: a rule turned off or lowered, options shortened, the approval policy,
    /// approvers, exclusions, the missing-setting policy or an environment gate relaxed.
    public static IEnumerable<string> Loosened(MetaLintConfig @base, MetaLintConfig head)
    {
        foreach (var rule in RuleCatalog.All)
        {
            var id = rule.Descriptor.Id;
            var (was, now) = (@base.For(id), head.For(id));
            if (was.Enabled && !now.Enabled) yield return $"disables {id}";
            var (wasLevel, nowLevel) = (was.Level ?? rule.Descriptor.DefaultLevel, now.Level ?? rule.Descriptor.DefaultLevel);
            if (was.Enabled && now.Enabled && nowLevel < wasLevel)
                yield return $"lowers {id} from {wasLevel.ToText()} to {nowLevel.ToText()}";
            foreach (var (key, list) in was.Lists)
                if (list.Except(now.GetList(key) ?? [], StringComparer.OrdinalIgnoreCase).ToList() is [_, ..] removed)
                    yield return $"removes {string.Join(", ", removed)} from {id} {key}";
        }
        foreach (var id in @base.RequireApproval.Except(head.RequireApproval, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
            yield return $"removes {id} from policy require-approval";
        foreach (var (prefix, people) in head.Approvers)
            if (people.Except(@base.Approvers.GetValueOrDefault(prefix) ?? [], StringComparer.OrdinalIgnoreCase).ToList() is [_, ..] added)
                yield return $"adds {string.Join(", ", added)} to approvers for {prefix}";
        foreach (var pattern in head.Exclude.Except(@base.Exclude, StringComparer.Ordinal))
            yield return $"adds exclude pattern '{pattern}'";
        if (@base.MissingSettingPolicy == MissingSettingPolicy.Report && head.MissingSettingPolicy == MissingSettingPolicy.Ignore)
            yield return "sets settings missing to ignore";
        // null (`rule`) keeps each rule's level, up to error: a fixed level below that lowers some.
        if (head.StandardProfileLevel is { } nowStandard && nowStandard < (@base.StandardProfileLevel ?? RuleLevel.Error))
            yield return $"lowers standard-profiles level from {@base.StandardProfileLevel?.ToText() ?? "rule"} to {nowStandard.ToText()}";
        foreach (var (name, gate) in @base.Environments)
        {
            if (!head.Environments.TryGetValue(name, out var now)) { yield return $"removes environment '{name}'"; continue; }
            if (gate.MinScore is { } min && (now.MinScore ?? 0) < min)
                yield return $"lowers environment '{name}' min-score from {min.ToString(CultureInfo.InvariantCulture)} to {now.MinScore?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
            if (gate.Fail && !now.Fail) yield return $"sets environment '{name}' fail to false";
        }
    }
}
