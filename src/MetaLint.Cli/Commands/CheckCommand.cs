using System.CommandLine;
using MetaLint.Cli.Terminal;
using MetaLint.Core;
using MetaLint.Core.Configuration;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Json;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Reporting.Text;
using MetaLint.Core.Rules;

namespace MetaLint.Cli.Commands;

/// `metalint check [PATH ...]`: analyse, report, and turn findings into an exit code.
public static class CheckCommand
{
    public static Command Create(CliOutput io)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders to analyse (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Report format: text, sarif or json.",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "sarif", "json");
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

        var command = new Command("check", "Analyse metadata files or folders and report findings.")
        {
            paths, format, output, config, failOn, category, root, jobs,
        };
        command.SetAction(parse => Execute(io,
            parse.GetValue(paths) ?? [], parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(config),
            parse.GetValue(failOn)!, parse.GetValue(category), parse.GetValue(root), parse.GetValue(jobs)));
        return command;
    }

    private static int Execute(CliOutput io, string[] paths, string format, string? output, string? configPath,
        string failOn, string? category, string? root, int jobs)
    {
        if (paths.Length == 0) paths = ["."];
        MetaLintConfig config;
        try
        {
            var path = configPath ?? ConfigLoader.FindNearest(paths[0]);
            if (configPath != null && !File.Exists(configPath))
            {
                io.Error.WriteLine($"metalint: config file not found: {configPath}");
                return ExitCodes.Usage;
            }
            config = path == null ? MetaLintConfig.Default : ConfigLoader.Load(path);
        }
        catch (ConfigException e)
        {
            io.Error.WriteLine($"metalint: invalid configuration: {e.Message}");
            return ExitCodes.Usage;
        }
        if (root != null && !Directory.Exists(root))
        {
            io.Error.WriteLine($"metalint: --root folder not found: {root}");
            return ExitCodes.Usage;
        }
        if (jobs < 0)
        {
            io.Error.WriteLine("metalint: --jobs must be 0 (one per core) or more");
            return ExitCodes.Usage;
        }

        var progress = new AnalysisProgress();
        var result = ProgressDisplay.Run(io, progress, () =>
            Analyzer.Run(paths, new AnalysisOptions { Config = config, Root = root, Jobs = jobs, Progress = progress }));
        foreach (var warning in result.Discovery.Warnings) io.Error.WriteLine($"metalint: warning: {warning}");
        if (result.Discovery.Warnings.Any(w => w.StartsWith("path not found", StringComparison.Ordinal)) &&
            result.Discovery.Files.Count == 0)
            return ExitCodes.Usage;

        var report = new Report(result.Findings, result.Rules, result.Discovery.Files.Count) { Category = category };
        IReporter reporter = format switch
        {
            "sarif" => new SarifReporter(),
            "json" => new JsonReporter(),
            _ => new TextReporter(color: output == null && io.UseColor),
        };
        if (output == null)
        {
            reporter.Write(report, io.Out);
        }
        else
        {
            try
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(output));
                if (dir != null) Directory.CreateDirectory(dir);
                using var writer = new StreamWriter(output, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
                reporter.Write(report, writer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Error.WriteLine($"metalint: cannot write {output}: {e.Message}");
                return ExitCodes.Usage;
            }
        }
        return Gate(result.Findings, failOn);
    }

    /// Exit 1 when any finding is at or above the --fail-on level.
    public static int Gate(IEnumerable<Finding> findings, string failOn)
    {
        if (failOn == "never") return ExitCodes.Ok;
        var threshold = RuleLevelExtensions.Parse(failOn) ?? RuleLevel.Error;
        return findings.Any(f => f.Level >= threshold) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
