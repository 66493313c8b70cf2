using System.CommandLine;
using System.Globalization;
using MetaLint.Cli.Terminal;
using MetaLint.Core;
using MetaLint.Core.Baselines;
using MetaLint.Core.Reporting;

namespace MetaLint.Cli.Commands;

/// `metalint baseline score|convert|lint`: Health Check baselines and the approximate score.
internal static class BaselineCommand
{
    public static Command Create(CliOutput io) => new("baseline", "Health Check baselines: score settings against one, convert XML <-> JSON, lint.")
    {
        Score(io), Convert(io), Lint(io),
    };

    private static Command Score(CliOutput io)
    {
        var path = new Argument<string?>("PATH") { Description = "File or folder to score (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline to score against (default: the bundled Salesforce Baseline Standard).", HelpName = "FILE" };
        var minScore = new Option<double?>("--min-score") { Description = "Exit 1 when the score is below N (0-100).", HelpName = "N" };
        var format = new Option<string>("--format") { Description = "Report format: text or json.", DefaultValueFactory = _ => "text" }
            .AcceptOnlyFromAmong("text", "json");
        var environment = new Option<string?>("--environment") { Description = "Apply the min-score gate of this rules.yml environment.", HelpName = "NAME" };
        var config = new Option<string?>("--config") { Description = "rules.yml to use (default: nearest rules.yml upwards from PATH).", HelpName = "FILE" };
        var command = new Command("score", "Print an approximate Health Check score of the settings files against a baseline.")
        {
            path, baseline, minScore, format, environment, config,
        };
        command.SetAction(parse => ExecuteScore(io, parse.GetValue(path) ?? ".", parse.GetValue(baseline), parse.GetValue(minScore),
            parse.GetValue(format)!, parse.GetValue(environment), parse.GetValue(config)));
        return command;
    }

    private static int ExecuteScore(CliOutput io, string path, string? baselinePath, double? minScore, string format,
        string? environment, string? configPath)
    {
        if (minScore is { } requested && (!double.IsFinite(requested) || requested is < 0 or > 100))
        {
            io.Error.WriteLine("metalint: --min-score must be from 0 to 100");
            return ExitCodes.Usage;
        }
        if (CommandSupport.LoadConfig(io, configPath, path) is not { } config) return ExitCodes.Usage;
        var (baselineOk, baseline) = CommandSupport.LoadBaseline(io, baselinePath);
        if (!baselineOk) return ExitCodes.Usage;
        var (envOk, gate) = CommandSupport.FindEnvironment(io, config, environment);
        if (!envOk) return ExitCodes.Usage;
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            io.Error.WriteLine($"metalint: path not found: {path}");
            return ExitCodes.Usage;
        }

        var (score, _, failures) = Analyzer.Score([path], new AnalysisOptions { Config = config, Baseline = baseline });
        foreach (var f in failures)
            io.Error.WriteLine($"metalint: warning: {f.Location.File.RelativePath}:{f.Location.Span.StartLine}: cannot be parsed, not scored: {f.Message}");

        // --min-score always fails; an environment's gate fails only when it says fail: true.
        var (min, fail, what) = minScore is { } m ? (m, true, "--min-score")
            : gate is { MinScore: { } g } ? (g, gate.Fail, $"environment '{gate.Name}'")
            : (default(double?), false, "");
        var below = min is { } threshold && CommandSupport.BelowMinimum(io, score, threshold, fail, what);
        // Setting names and values come from the repository: the text form is escaped for the terminal as `check`
        // does (JSON escapes control characters itself).
        io.Out.Write(format == "json"
            ? HealthScoreReporter.Json(score, min, min == null ? null : score.Score >= min)
            : TerminalText.PrintableLines(HealthScoreReporter.Text(score)));
        return below ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static Command Convert(CliOutput io)
    {
        var input = new Argument<string>("IN") { Description = "Baseline to read (XML or JSON, told apart by content)." };
        var output = new Argument<string>("OUT") { Description = "File to write; .json or .xml picks the form, otherwise the other form than IN." };
        var command = new Command("convert", "Convert a baseline between the Salesforce XML and the JSON form.") { input, output };
        command.SetAction(parse => ExecuteConvert(io, parse.GetValue(input)!, parse.GetValue(output)!));
        return command;
    }

    private static int ExecuteConvert(CliOutput io, string inPath, string outPath)
    {
        if (OutputFile.Problem(outPath, "OUT", [inPath], []) is { } problem)
        {
            io.Error.WriteLine($"metalint: {problem}");
            return ExitCodes.Usage;
        }
        var (ok, baseline) = CommandSupport.LoadBaseline(io, inPath);
        if (!ok || baseline == null) return ExitCodes.Usage;
        var target = Path.GetExtension(outPath).ToLowerInvariant() switch
        {
            ".json" => BaselineForm.Json,
            ".xml" => BaselineForm.Xml,
            _ => baseline.Form == BaselineForm.Xml ? BaselineForm.Json : BaselineForm.Xml,
        };
        var warnings = new List<string>();
        string text;
        try { text = Render(baseline, target, outPath, warnings); }
        catch (ArgumentException e)
        {
            // XML 1.0 cannot hold every character a JSON string can (a control character in a setting name).
            io.Error.WriteLine($"metalint: cannot convert {inPath} to {(target == BaselineForm.Json ? "JSON" : "XML")}: {e.Message}");
            return ExitCodes.Usage;
        }
        foreach (var w in warnings) io.Error.WriteLine($"metalint: warning: {w}");
        try { OutputFile.Write(outPath, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text))); }
        catch (IOException e)
        {
            io.Error.WriteLine($"metalint: {e.Message}");
            return ExitCodes.Usage;
        }
        io.Out.WriteLine(TerminalText.Printable($"Wrote {outPath} ({(target == BaselineForm.Json ? "JSON" : "XML")}, {baseline.Settings.Count} settings)."));
        return ExitCodes.Ok;
    }

    private static string Render(Baseline baseline, BaselineForm target, string outPath, List<string> warnings)
    {
        if (target == BaselineForm.Json)
        {
            return BaselineWriter.ToJson(baseline, warnings);
        }
        else
        {
            var rebuilt = baseline.Settings.Count(s => s.Form == BaselineForm.Json && s.Element == null);
            if (rebuilt > 0)
                warnings.Add($"{rebuilt} JSON entr{(rebuilt == 1 ? "y has" : "ies have")} no kept \"xml\" bands: the XML gets no warning band, " +
                             "so every value weaker than standardValue is critical there (an error in `metalint check`)");
            var (name, developerName) = baseline.Form == BaselineForm.Xml && baseline.DeveloperName != null
                ? (baseline.Name, baseline.DeveloperName)
                : (Path.GetFileNameWithoutExtension(outPath), BaselineWriter.DeveloperName(outPath));
            return BaselineWriter.ToXml(baseline, name, developerName, warnings);
        }
    }

    private static Command Lint(CliOutput io)
    {
        var file = new Argument<string>("FILE") { Description = "Baseline to check (XML or JSON)." };
        var command = new Command("lint", "Report unknown, mistyped, contradictory, duplicate or demoted settings in a baseline (exit 2 only when it cannot be loaded).") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var (ok, baseline) = CommandSupport.LoadBaseline(io, path);
            if (!ok || baseline == null) return ExitCodes.Usage;
            var issues = BaselineLinter.Lint(baseline, new FileInfo(path).Length);
            // Issues quote setting names and values from the file: escaped for the terminal as `check` does.
            foreach (var issue in issues) io.Out.WriteLine(TerminalText.Printable(issue.ToString()));
            io.Out.WriteLine(TerminalText.Printable(issues.Count == 0
                ? $"No problems found in {path}."
                : $"{issues.Count.ToString(CultureInfo.InvariantCulture)} problem{(issues.Count == 1 ? "" : "s")} in {path}."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
