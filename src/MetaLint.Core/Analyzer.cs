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
    public static AnalysisResult Run(IReadOnlyList<string> paths, AnalysisOptions options)
    {
        var root = options.Root ?? Discoverer.FindRoot(paths);
        var discovery = new Discoverer(options.Config.Exclude).Discover(root, paths);
        return Analyse(discovery, options);
    }

    /// Parses and checks files already discovered (git modes discover from snapshots).
    public static AnalysisResult Analyse(DiscoveryResult discovery, AnalysisOptions options)
    {
        var baseline = Baseline.Effective(options.Baseline);
        var rules = RulesFor(baseline, options.Config);
        var engine = new RuleEngine(rules, options.Config);
        var (raw, directives, settings) = CheckAll(discovery.Files, engine, options.Jobs, options.Progress, options.Unsaved,
            options.MaxFileSize);
        raw.AddRange(engine.Check(discovery.Refused.Concat<object>(discovery.Symlinks)));
        var filter = new SuppressionFilter(options.Config, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        var findings = filter.Apply(raw, directives);
        findings.AddRange(engine.Check(filter.Issues));
        IEnumerable<Finding> reported = findings;
        if (options.Only is { } only) reported = reported.Where(f => only.Contains(f.RuleId));
        return new AnalysisResult(discovery, RuleEngine.Finalise(reported), rules)
        {
            AppliedExceptions = filter.Applied,
            Score = settings.Count > 0 ? HealthScore.Compute(settings, baseline) : null,
            Settings = settings,
        };
    }

    /// Checks objects a comparison produced (a grant removed between two trees) like analysed components: the
    /// rules that target them, rules.yml exceptions (no inline comments: the objects have no file of their own),
    /// --only; sorted and fingerprinted.
    public static IReadOnlyList<Finding> CheckDerived(IEnumerable<object> derived, IReadOnlyList<IRule> rules, AnalysisOptions options)
    {
        var engine = new RuleEngine(rules, options.Config);
        var filter = new SuppressionFilter(options.Config, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        var findings = filter.Apply(engine.Check(derived), []);
        findings.AddRange(engine.Check(filter.Issues));
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

    /// Parses and checks files in parallel, one file at a time: a file's model is dropped as soon as its rules
    /// have run, so memory stays flat however large the org; so are its inline directives that match none of its
    /// findings. The files of a decomposed permission set are kept
    /// and checked together at the end. Findings (unsorted) and directives come back in file order.
    /// Settings components (small) are kept for the score.
    public static (List<Finding> Findings, List<InlineDirective> Directives, List<SettingsComponent> Settings) CheckAll(
        IReadOnlyList<SourceFile> files, RuleEngine engine, int jobs = 0, AnalysisProgress? progress = null,
        IReadOnlyDictionary<string, string>? unsaved = null, long limit = InputFile.DefaultMetadataLimit)
    {
        var findings = new List<Finding>[files.Count];
        var directives = new IReadOnlyList<InlineDirective>[files.Count];
        var decomposed = new ParsedFile?[files.Count];
        var settings = new SettingsComponent?[files.Count];
        progress?.Start(files.Count);
        ForEachFile(files.Count, jobs, i =>
        {
            var parsed = unsaved != null && unsaved.TryGetValue(files[i].FullPath, out var text)
                ? MetadataParser.ParseText(files[i], text)
                : MetadataParser.Parse(files[i], limit);
            if (files[i].DecomposedSet != null)
            {
                decomposed[i] = parsed;   // checked with its set at the end
                directives[i] = parsed.Directives;
            }
            else
            {
                var model = BuildModel([parsed]);
                findings[i] = engine.Check(model.Components);
                if (model.Settings.Count > 0) settings[i] = model.Settings[0];
                directives[i] = Used(parsed.Directives, findings[i]);
            }
            progress?.Parsed();
        });
        var sets = BuildModel(decomposed.OfType<ParsedFile>());
        return ([.. findings.Where(f => f != null).SelectMany(f => f), .. engine.Check(sets.Components)],
            [.. directives.SelectMany(d => d)], [.. settings.OfType<SettingsComponent>()]);
    }

    /// The directives of a checked file that can suppress one of its findings: the rest (a file may carry thousands)
    /// are dropped with the file instead of being held until the end of the run.
    private static IReadOnlyList<InlineDirective> Used(IReadOnlyList<InlineDirective> directives, List<Finding> findings)
    {
        if (directives.Count == 0) return directives;
        var lines = findings.Select(f => f.Span.StartLine).ToHashSet();
        return directives.Where(d => d.Reason != null && lines.Contains(d.AppliesToLine)).ToList();
    }

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
