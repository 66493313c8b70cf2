using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;
using MetaLint.Core.Discovery;
using MetaLint.Core.IO;
using MetaLint.Core.Model;
using MetaLint.Core.Parsing;
using MetaLint.Core.Rules;
using MetaLint.Core.Rules.Settings;
using MetaLint.Core.Suppressions;

namespace MetaLint.Core;

/// The pipeline: discovery -> parse -> model -> rules -> findings -> suppressions.
internal static class Analyzer
{
    public static AnalysisResult Run(IReadOnlyList<string> paths, AnalysisOptions options) =>
        Stream(paths, options).ToResult();

    /// Parses and checks files already discovered (git modes discover from snapshots).
    public static AnalysisResult Analyse(DiscoveryResult discovery, AnalysisOptions options) =>
        Stream(discovery, options).ToResult();

    /// The run as a stream: findings in report order as their files complete (see AnalysisStream).
    public static AnalysisStream Stream(IReadOnlyList<string> paths, AnalysisOptions options)
    {
        var root = options.Root ?? Discoverer.FindRoot(paths);
        return Stream(new Discoverer(options.Config.Exclude).Discover(root, paths), options);
    }

    public static AnalysisStream Stream(DiscoveryResult discovery, AnalysisOptions options)
    {
        var baseline = Baseline.Effective(options.Baseline);
        var rules = RulesFor(baseline, options.Config);
        AnalysisStream? stream = null;
        stream = new AnalysisStream(discovery, rules,
            new OrderedRun(discovery, rules, options, () => stream!),
            () => stream!.Settings.Count > 0 ? HealthScore.Compute(stream.Settings, baseline) : null);
        return stream;
    }

    /// Checks objects a comparison produced (a grant removed between two trees) like analysed components: the
    /// rules that target them, rules.yml exceptions (no inline comments: the objects have no file of their own),
    /// --only; sorted and fingerprinted.
    public static IReadOnlyList<Finding> CheckDerived(IEnumerable<object> derived, IReadOnlyList<IRule> rules, AnalysisOptions options)
    {
        var engine = new RuleEngine(rules, options.Config);
        var filter = new SuppressionFilter(options.Config, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        var (findings, issues) = filter.Apply(engine.Check(derived), []);
        findings.AddRange(engine.Check(issues));
        return RuleEngine.Finalise(options.Only is { } only ? findings.Where(f => only.Contains(f.RuleId)) : findings);
    }

    /// Scores the settings files under the paths against the baseline in effect; other files are not parsed.
    public static (HealthScore Score, DiscoveryResult Discovery, IReadOnlyList<ParseFailure> Failures) Score(
        IReadOnlyList<string> paths, AnalysisOptions options)
    {
        var root = options.Root ?? Discoverer.FindRoot(paths);
        var discovery = new Discoverer(options.Config.Exclude).Discover(root, paths);
        var settingsFiles = discovery.Files
            .Where(f => f.Kind is MetadataKind.SecuritySettings or MetadataKind.ProfilePasswordPolicy or MetadataKind.ProfileSessionSetting)
            .ToList();
        var model = BuildModel(ParseAll(settingsFiles, options.Jobs, options.MaxFileSize));
        return (HealthScore.Compute(model.Settings, Baseline.Effective(options.Baseline)), discovery, model.ParseFailures);
    }

    /// The catalog with the ML3xxx rules bound to the baseline in effect, so descriptors carry its levels and
    /// security-severities.
    public static IReadOnlyList<IRule> RulesFor(Baseline effective, MetaLintConfig config) =>
        RuleCatalog.All.Select(r => r is SettingRule s ? s.Bind(effective, config.MissingSettingPolicy) : r).ToList();

    /// Parses files in parallel; results keep the input order so output stays deterministic.
    public static ParsedFile[] ParseAll(IReadOnlyList<SourceFile> files, int jobs = 0, long limit = InputFile.DefaultMetadataLimit)
    {
        var results = new ParsedFile[files.Count];
        ForEachFile(files.Count, jobs, i => results[i] = MetadataParser.Parse(files[i], limit));
        return results;
    }

    /// Runs body for 0..count-1 on up to jobs threads (0: one per core). One file, the pre-commit case, runs
    /// inline: starting the thread pool for it costs more than the parallelism can give back.
    private static void ForEachFile(int count, int jobs, Action<int> body)
    {
        if (count <= 1 || jobs == 1)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = jobs > 0 ? jobs : Environment.ProcessorCount }, body);
    }

    /// Turns parsed files into components; the files of a decomposed permission set become one set.
    public static MetadataModel BuildModel(IEnumerable<ParsedFile> parsed)
    {
        var model = new MetadataModel();
        var sets = new Dictionary<string, PermissionContainer>(StringComparer.Ordinal);
        foreach (var p in parsed)
        {
            model.Directives.AddRange(p.Directives);
            if (p.Failure != null) { model.ParseFailures.Add(p.Failure); continue; }
            if (p.Settings != null) { model.Settings.Add(p.Settings); continue; }
            if (p.Content is not { } content) continue;
            if (p.File.DecomposedSet is not { } setPath) { model.PermissionContainers.Add(content); continue; }
            if (!sets.TryGetValue(setPath, out var set))
            {
                set = new PermissionContainer(MetadataKind.PermissionSet, p.File.ComponentName);
                sets[setPath] = set;
                model.PermissionContainers.Add(set);
            }
            set.UserPermissions.AddRange(content.UserPermissions);
            set.ObjectPermissions.AddRange(content.ObjectPermissions);
            if (content.License != null) set.License ??= content.License;
        }
        return model;
    }
}
