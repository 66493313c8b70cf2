using System.CommandLine;
using System.Globalization;
using MetaLint.Cli.Reports;
using MetaLint.Cli.Terminal;
using MetaLint.Core;
using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;
using MetaLint.Core.Discovery;
using MetaLint.Core.IO;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Evidence;
using MetaLint.Core.Reporting.GitLab;
using MetaLint.Core.Reporting.Json;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;
using MetaLint.Core.Suppressions;
using MetaLint.Git;

namespace MetaLint.Cli.Commands;

/// `metalint check [PATH ...]`: analyse, report, and turn findings into an exit code.
internal static class CheckCommand
{
    /// Everything `check` was asked to do.
    private sealed record Request(
        string[] Paths, string Format, string? Output, string? Config, string FailOn, string? Category,
        string? Root, int Jobs, string? Base, bool ChangedOnly, bool Staged, bool All, string? Evidence,
        string? Baseline, string? Environment, long MaxFileSize, double? MinScore, string? Summary, string? EvidenceChain,
        bool AllowEmpty, string? Accepted, bool UpdateAccepted, bool PruneAccepted,
        string? MinLevel, string[] Select, string[] Ignore, bool Statistics,
        int MaxResults);

    public static Command Create(CliOutput io)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders to analyse (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Report format: text, sarif, json, gitlab (Code Quality) or csv (one row per finding).",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "sarif", "json", "gitlab", "csv");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of stdout.", HelpName = "FILE" };
        var config = new Option<string?>("--config") { Description = "rules.yml to use (default: nearest rules.yml upwards from the first PATH).", HelpName = "FILE" };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a finding at or above this level is left: error, warning, note or never.",
            DefaultValueFactory = _ => "error",
        }.AcceptOnlyFromAmong("error", "warning", "note", "never");
        var category = new Option<string?>("--category") { Description = "SARIF runAutomationDetails id, so several uploads don't collide.", HelpName = "NAME" };
        var root = new Option<string?>("--root") { Description = "Folder that report paths are relative to (default: the folder holding sfdx-project.json, else the first PATH).", HelpName = "DIR" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files parsed in parallel (default: one per core).", DefaultValueFactory = _ => 0 };
        var baseRef = new Option<string?>("--base") { Description = "PR mode: report only findings the change introduces relative to GITREF (e.g. origin/main).", HelpName = "GITREF" };
        var changedOnly = new Option<bool>("--changed-only") { Description = "With --base: analyse only files that differ from GITREF." };
        var staged = new Option<bool>("--staged") { Description = "Pre-commit: report what the staged content (git index) of staged metadata files introduces relative to HEAD." };
        var all = new Option<bool>("--all") { Description = "With --staged: report every finding in the staged files, not only what they introduce." };
        var evidence = new Option<string?>("--evidence") { Description = "Write an audit evidence record (JSON, see docs/evidence.schema.json) to FILE.", HelpName = "FILE" };
        var baseline = new Option<string?>("--baseline") { Description = "Health Check baseline: the XML Salesforce exports, or the JSON form (default: the bundled Salesforce Baseline Standard).", HelpName = "FILE" };
        var maxFileSize = new Option<long>("--max-file-size")
        {
            Description = "Largest metadata file or git blob read, in bytes (256 MB); a larger one is an ML0001 finding.",
            HelpName = "BYTES",
            DefaultValueFactory = _ => InputFile.DefaultMetadataLimit,
        };
        var environment = new Option<string?>("--environment") { Description = "Apply the min-score gate of this rules.yml environment.", HelpName = "NAME" };
        var accepted = new Option<string?>("--accepted") { Description = $"Accepted findings file (default: {AcceptedFindings.FileName} at the project root, when present; with --base read from GITREF, with --staged from HEAD).", HelpName = "FILE" };
        var updateAccepted = new Option<bool>("--update-accepted") { Description = "Accept every current finding of the analysed files: write them to the accepted findings file, reported as suppressed from then on." };
        var pruneAccepted = new Option<bool>("--prune-accepted") { Description = "Remove accepted findings that no longer occur from the accepted findings file." };
        var minLevel = new Option<string?>("--min-level") { Description = "Show (and gate on) only findings at or above LEVEL: error, warning or note.", HelpName = "LEVEL" };
        var select = new Option<string[]>("--select") { Description = "Only these rules: ids or prefixes, comma-separated (ML10,ML3101).", HelpName = "IDS" };
        var ignore = new Option<string[]>("--ignore") { Description = "Leave out these rules: ids or prefixes, comma-separated (ML2001,ML9).", HelpName = "IDS" };
        var statistics = new Option<bool>("--statistics") { Description = "Text report: end with the count of findings per rule and the components with the most." };
        var maxResults = new Option<int>("--max-results")
        {
            Description = $"SARIF: at most N results, code scanning's limit (default {SarifBudget.CodeScanningMaxResults}); over it per-object results are grouped, then the least severe left out; 0: no limit.",
            HelpName = "N",
            DefaultValueFactory = _ => SarifBudget.CodeScanningMaxResults,
        };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "No Salesforce metadata under the paths is not an error (default: exit 2; --staged and --changed-only never need it)." };

        var minScore = new Option<double?>("--min-score") { Description = "Exit 1 when the approximate Health Check score of the settings files is below N, or none can be scored.", HelpName = "N" };
        var evidenceChain = new Option<string?>("--evidence-chain") { Description = "Append the evidence record to FILE, a JSON-lines log in which each record carries the SHA-256 of the previous one (check it with `metalint evidence verify FILE`).", HelpName = "FILE" };
        var summary = new Option<string?>("--summary") { Description = "Append a Markdown summary (gates, counts, escalations, score) to FILE, e.g. $GITHUB_STEP_SUMMARY.", HelpName = "FILE" };

        var command = new Command("check", "Analyse metadata files or folders and report findings.")
        {
            paths, format, output, config, failOn, category, root, jobs, baseRef, changedOnly, staged, all, evidence,
            baseline, environment, maxFileSize, minScore, summary, evidenceChain,
            allowEmpty, accepted, updateAccepted, pruneAccepted, minLevel, select, ignore, statistics, maxResults,
        };
        command.SetAction(parse => Execute(io, new Request(
            parse.GetValue(paths) ?? [], parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(config),
            parse.GetValue(failOn)!, parse.GetValue(category), parse.GetValue(root), parse.GetValue(jobs),
            parse.GetValue(baseRef), parse.GetValue(changedOnly), parse.GetValue(staged), parse.GetValue(all), parse.GetValue(evidence),
            parse.GetValue(baseline), parse.GetValue(environment), parse.GetValue(maxFileSize), parse.GetValue(minScore),
            parse.GetValue(summary), parse.GetValue(evidenceChain), parse.GetValue(allowEmpty),
            parse.GetValue(accepted), parse.GetValue(updateAccepted), parse.GetValue(pruneAccepted),
            parse.GetValue(minLevel), parse.GetValue(select) ?? [], parse.GetValue(ignore) ?? [], parse.GetValue(statistics),
            parse.GetValue(maxResults))));
        return command;
    }

    private static int Execute(CliOutput io, Request req)
    {
        var started = DateTimeOffset.UtcNow;
        var paths = req.Paths.Length == 0 ? ["."] : req.Paths;
        if (Validate(req) is { } problem) return Usage(io, problem);
        var (filter, filterProblem) = FindingFilter.Create(req.MinLevel, req.Select, req.Ignore);
        if (filterProblem != null) return Usage(io, filterProblem);
        // PATH takes any number of values, so a mistyped option would otherwise be read as a path.
        if (paths.FirstOrDefault(p => p.StartsWith('-') && !File.Exists(p) && !Directory.Exists(p)) is { } option)
            return Usage(io, $"unknown option '{option}' (see 'metalint check --help')");
        if (paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
            return Usage(io, $"path not found: {missing}");
        if (OutputProblem(req, []) is { } outputProblem) return Usage(io, outputProblem);

        if (CommandSupport.LoadConfig(io, req.Config, paths[0]) is not { } config) return ExitCodes.Usage;
        var (baselineOk, baseline) = CommandSupport.LoadBaseline(io, req.Baseline);
        if (!baselineOk) return ExitCodes.Usage;
        // In PR mode the environment comes from the base's rules.yml, known once the base is read.
        var (envOk, gate) = CommandSupport.FindEnvironment(io, config, req.Base == null ? req.Environment : null);
        if (!envOk) return ExitCodes.Usage;

        var progress = new AnalysisProgress();
        var options = new AnalysisOptions
        {
            Config = config, Root = req.Root, Jobs = req.Jobs, Baseline = baseline, Progress = progress,
            MaxFileSize = req.MaxFileSize,
        };
        // A plain run streams: findings are reported as their files complete and never all held (issue 14). Git
        // modes report what the change introduces once both sides are compared, evidence lists every finding, and
        // rewriting the accepted file needs them all, so those runs hold their result.
        var streamed = req.Base == null && !req.Staged && req.Evidence == null && req.EvidenceChain == null &&
                       !req.UpdateAccepted && !req.PruneAccepted;
        AnalysisResult? result = null;
        AnalysisStream? stream = null;
        BaseComparison? comparison = null;
        try
        {
            if (streamed)
                stream = Analyzer.Stream(paths, options with { Snippets = req.Format == "sarif" });
            else
                (result, comparison) = ProgressDisplay.Run(io, progress, () =>
                    req.Base != null ? GitModes.AgainstBase(paths, options, req.Base, req.ChangedOnly,
                        audit: req.Evidence != null || req.EvidenceChain != null)
                    : req.Staged ? GitModes.Staged(paths, options, req.All)
                    : (Analyzer.Run(paths, options), null));
        }
        catch (GitException e)
        {
            return Usage(io, e.Message);
        }
        catch (Exception e) when (e.GetType().Namespace == "LibGit2Sharp")
        {
            // A broken .git (or one git cannot open) surfaces as libgit2's own exception types.
            return Usage(io, $"cannot read the git repository for {(req.Staged ? "--staged" : $"--base {req.Base}")}: {e.Message}");
        }
        var discovery = stream?.Discovery ?? result!.Discovery;

        foreach (var warning in discovery.Warnings) io.Error.WriteLine($"metalint: warning: {warning}");
        // A wrong path, an empty folder or an ignore file that drops everything must not pass green. Pre-commit
        // (--staged) and --changed-only runs look at changed files only, so finding none there is normal. A run
        // with findings but no files (a refused folder link: ML0002) has something to say and says it.
        var nothing = discovery.Files.Count == 0 && (result?.Findings.Count ?? discovery.Refused.Count + discovery.Symlinks.Count) == 0;
        if (nothing && !req.AllowEmpty && !req.Staged && !req.ChangedOnly)
            return Usage(io, $"no Salesforce metadata found under {string.Join(", ", paths.Select(p => $"'{p}'"))} " +
                             "(no profile, permission set, permission set group or settings file left after " +
                             "sfdx-project.json, .forceignore and rules.yml exclude); check the path, or pass --allow-empty");
        // Known only now: the files the run read, which an output must never overwrite.
        var acceptedFile = AcceptedFile.Locate(req.Accepted, Path.GetFullPath(req.Root ?? Discoverer.FindRoot(paths)));
        string?[] read = [.. paths, config.Path, req.Baseline, acceptedFile.Full, .. discovery.Files.Select(f => f.FullPath)];
        if (OutputProblem(req, read.OfType<string>()) is { } overwrite) return Usage(io, overwrite);
        if (comparison?.Config is { } trusted)
        {
            (envOk, gate) = CommandSupport.FindEnvironment(io, trusted, req.Environment);
            if (!envOk) return ExitCodes.Usage;
            if (comparison.Loosenings.Count > 0)
                io.Error.WriteLine($"metalint: warning: this change loosens rules.yml ({string.Join("; ", comparison.Loosenings)}); " +
                                   $"the configuration at {comparison.BaseRef} decides this run");
        }

        var (acceptedOk, findings) = ApplyAccepted(io, req, acceptedFile, (IEnumerable<Finding>?)stream ?? result!.Findings,
            result, comparison, (comparison?.Config ?? config).RequireApproval);
        if (!acceptedOk) return ExitCodes.Usage;
        // Filtered after the accepted file is rewritten, which always holds every finding.
        if (!filter!.IsEmpty) findings = findings.Where(filter.Shows);
        if (!streamed) findings = findings.ToList();

        var report = new Report(findings, stream?.Rules ?? result!.Rules, discovery.Files.Count)
        {
            Category = req.Category,
            Base = comparison,
            ScoreSource = stream != null ? () => stream.Score : () => result!.Score,
            // Only SARIF shows it; other runs (a pre-commit hook) need not open the repository.
            Provenance = req.Format == "sarif" ? TryGit(discovery.Root, git => git.Provenance()) : null,
        };
        // The streamed analysis runs while the report is written: show its progress then, unless the report itself
        // is going to the terminal.
        var written = streamed
            ? ProgressDisplay.Run(io, progress, () => WriteReport(io, req, report), show: req.Output != null || io.StdoutRedirected)
            : WriteReport(io, req, report);
        if (!written) return ExitCodes.Usage;
        var decision = ApplyGates(io, req, report, gate,
            () => Analyzer.Score(paths, options with { Config = comparison?.Config ?? config }).Score);
        var exit = decision.ExitCode;
        if (req.Summary != null && !AppendSummary(io, req.Summary, report, decision)) return ExitCodes.Usage;
        if ((req.Evidence != null || req.EvidenceChain != null) &&
            !WriteEvidence(io, req, paths, result!, report, comparison, config, decision, started))
            return ExitCodes.Usage;
        // With --output nothing else reaches the CI log: say what was found and why the run passes or fails.
        if (req.Output != null) io.Error.WriteLine(StderrSummary(report, req, exit));
        return exit;
    }

    /// The findings with those of the accepted findings file in force marked (lazily: a streamed run's as they come);
    /// rewrites the file first when asked (a held run: result).
    private static (bool Ok, IEnumerable<Finding> Findings) ApplyAccepted(CliOutput io, Request req, AcceptedFile file,
        IEnumerable<Finding> findings, AnalysisResult? result, BaseComparison? comparison, IReadOnlySet<string> needsApproval)
    {
        try
        {
            var accepted = file.Load(comparison?.BaseCommit.Sha, req.Staged, creating: req.UpdateAccepted);
            if (req.UpdateAccepted || req.PruneAccepted)
            {
                var (next, summary) = file.Rewrite(accepted, result!, req.UpdateAccepted, needsApproval);
                if (!WriteFile(io, file.Full, stream =>
                    {
                        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
                        writer.Write(next.ToJson());
                    }))
                    return (false, []);
                io.Error.WriteLine($"metalint: {summary}");
                accepted = next;
            }
            return (true, accepted.Apply(findings, file.Name, needsApproval));
        }
        catch (Exception e) when (e is AcceptedFindingsException or GitException)
        {
            io.Error.WriteLine($"metalint: {e.Message}");
            return (false, []);
        }
    }

    /// "metalint: 3 errors, 1 warning, 0 notes (2 suppressed) in 12 files; --fail-on error: fails (exit 1); report in out.sarif"
    private static string StderrSummary(Report report, Request req, int exit)
    {
        var accepted = report.Tally.AcceptedTotal;
        var others = report.SuppressedCount - accepted;
        var held = new[] { others > 0 ? $"{others} suppressed" : null, accepted > 0 ? $"{accepted} accepted" : null }.OfType<string>().ToList();
        var suppressed = held.Count > 0 ? $" ({string.Join(", ", held)})" : "";
        var gate = exit == ExitCodes.Ok ? "passes (exit 0)" : $"fails (exit {exit})";
        return $"metalint: {CommandSupport.Plural(report.Count(RuleLevel.Error), "error")}, {CommandSupport.Plural(report.Count(RuleLevel.Warning), "warning")}, " +
               $"{CommandSupport.Plural(report.Count(RuleLevel.Note), "note")}{suppressed} in {CommandSupport.Plural(report.FilesAnalysed, "file")}; " +
               $"--fail-on {req.FailOn}: {gate}; report in {req.Output}";
    }

    private static string? Validate(Request req) =>
        req.Root != null && !Directory.Exists(req.Root) ? $"--root folder not found: {req.Root}" :
        req.Jobs < 0 ? "--jobs must be 0 (one per core) or more" :
        req.MaxFileSize <= 0 ? "--max-file-size must be a positive number of bytes" :
        req.ChangedOnly && req.Base == null ? "--changed-only needs --base GITREF" :
        req.Staged && req.Base != null ? "--staged and --base cannot be combined" :
        req.MaxResults < 0 ? "--max-results must be 0 (no limit) or more" :
        req.UpdateAccepted && req.PruneAccepted ? "--update-accepted and --prune-accepted cannot be combined" :
        (req.UpdateAccepted || req.PruneAccepted) && (req.Base != null || req.Staged)
            ? "--update-accepted and --prune-accepted rewrite the working tree's file; run them without --base or --staged" :
        req.All && !req.Staged ? "--all needs --staged" :
        req.MinScore is < 0 or > 100 or double.NaN ? "--min-score must be a number from 0 to 100" :
        req.Staged && (req.Environment != null || req.MinScore != null)
            ? $"{(req.Environment != null ? "--environment" : "--min-score")} scores every settings file, --staged sees only " +
              "the staged ones: run the score gate without --staged" :
        null;

    /// Why --output or --evidence cannot be written, or null. A name that discovery would take for metadata is
    /// refused before the run: in --base and --staged the files read are snapshot copies, so comparing with them
    /// alone would not protect the checkout's own files.
    private static string? OutputProblem(Request req, IEnumerable<string> inputs)
    {
        string? Problem(string? path, string what, params string?[] others) =>
            path == null ? null
            : SuffixTable.Recognise(Path.GetFileName(path)) != null ? $"{what} '{path}' is named like a metadata file; MetaLint never writes one"
            : OutputFile.Problem(path, what, inputs, others);
        return Problem(req.Output, "--output", req.Evidence, req.EvidenceChain) ??
               Problem(req.Evidence, "--evidence", req.Output, req.EvidenceChain) ??
               Problem(req.EvidenceChain, "--evidence-chain", req.Output, req.Evidence);
    }

    private static int Usage(CliOutput io, string problem)
    {
        io.Error.WriteLine($"metalint: {problem}");
        return ExitCodes.Usage;
    }

    private static bool WriteReport(CliOutput io, Request req, Report report)
    {
        IReporter reporter = req.Format switch
        {
            "sarif" => new SarifReporter(req.MaxResults),
            "json" => new JsonReporter(),
            "gitlab" => new GitLabReporter(),
            "csv" => new CsvReporter(),
            _ => new TextReporter(color: req.Output == null && io.UseColor, req.Statistics),
        };
        var written = true;
        if (req.Output == null)
            reporter.Write(report, io.Out);
        else
            written = WriteFile(io, req.Output, stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
                reporter.Write(report, writer);
            });
        // Code scanning drops results past its limit without a word: say what was grouped or left out.
        if (reporter is SarifReporter { Outcome: { } outcome })
            foreach (var note in outcome.Notes()) io.Error.WriteLine($"metalint: {note}");
        return written;
    }

    private static bool WriteEvidence(CliOutput io, Request req, string[] paths, AnalysisResult result, Report report,
        BaseComparison? comparison, MetaLintConfig config, GateDecision decision, DateTimeOffset started)
    {
        var head = comparison?.HeadCommit ?? TryGit(result.Discovery.Root, git => git.Head);
        var record = new EvidenceRecord(report, paths, result.Discovery.Files.Select(f => f.RelativePath).ToList(),
            result.AppliedExceptions, head, comparison, decision,
            DateTimeOffset.UtcNow, config.Path, result.Score?.Score)
        {
            Initiator = Initiator.FromEnvironment(Environment.GetEnvironmentVariable, Environment.UserName),
            Started = started,
        };
        if (req.Evidence != null && !WriteFile(io, req.Evidence, stream => EvidenceWriter.Write(record, stream))) return false;
        if (req.EvidenceChain == null) return true;
        try
        {
            EvidenceChain.Append(req.EvidenceChain, record);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"metalint: cannot append to the evidence chain {req.EvidenceChain}: {e.Message}");
            return false;
        }
    }

    /// What the git repository holding root says, or null outside git.
    private static T? TryGit<T>(string root, Func<GitRepository, T?> read) where T : class
    {
        try
        {
            using var git = GitRepository.Open(root);
            return read(git);
        }
        catch (GitException)
        {
            return null;
        }
    }

    private static bool WriteFile(CliOutput io, string path, Action<Stream> write)
    {
        try
        {
            OutputFile.Write(path, write);
            return true;
        }
        catch (IOException e)
        {
            io.Error.WriteLine($"metalint: {e.Message}");
            return false;
        }
    }

    /// Every gate, in order: --fail-on over the findings, the environment's min-score, --min-score. A score gate is
    /// never skipped: it scores every settings file of the tree under review (with --changed-only the analysis
    /// saw only some: fullScore reads them all), and with none to score it fails as `baseline score` does.
    private static GateDecision ApplyGates(CliOutput io, Request req, Report report, EnvironmentGate? environment,
        Func<HealthScore> fullScore)
    {
        var threshold = RuleLevelExtensions.Parse(req.FailOn) ?? RuleLevel.Error;
        var active = req.FailOn == "never" ? 0
            : Enum.GetValues<RuleLevel>().Where(l => l >= threshold && l != RuleLevel.None).Sum(report.Count);
        var exit = active > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        List<GateCheck> checks =
        [
            new("findings", req.FailOn == "never" ? "none (fail-on never)" : $"no active finding at or above {req.FailOn}",
                $"{active} active finding(s) at or above {req.FailOn}", exit == ExitCodes.Ok, true),
        ];
        HealthScore? score = null;
        void ScoreGate(string name, double min, bool fail)
        {
            score ??= req.ChangedOnly ? fullScore() : report.Score ?? fullScore();
            if (CommandSupport.BelowMinimum(io, score, min, fail, name)) exit = ExitCodes.Findings;
            checks.Add(new GateCheck(name, $"score of at least {min.ToString("0.##", CultureInfo.InvariantCulture)}",
                score.Score is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "no settings file could be scored",
                score.Score >= min, fail));
        }
        if (environment is { MinScore: { } envMin }) ScoreGate($"environment '{environment.Name}'", envMin, environment.Fail);
        if (req.MinScore is { } min) ScoreGate("--min-score", min, true);
        return new GateDecision(req.FailOn, exit == ExitCodes.Ok, exit)
        {
            Checks = checks, Environment = environment?.Name, MinScore = environment?.MinScore ?? req.MinScore,
        };
    }

    private static bool AppendSummary(CliOutput io, string path, Report report, GateDecision decision)
    {
        try
        {
            using var writer = new StreamWriter(path, append: true, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            MarkdownSummary.Write(report, decision, writer);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"metalint: cannot append the summary to {path}: {e.Message}");
            return false;
        }
    }
}
