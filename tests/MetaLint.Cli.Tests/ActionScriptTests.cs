using System.Diagnostics;
using MetaLint.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MetaLint.Cli.Tests;

/// action.yml's "Run MetaLint" step, run by bash with a stand-in metalint: the inputs reach the command line, the
/// job summary is asked for, and the upload step is never pointed at a SARIF log the run did not write.
public sealed class ActionScriptTests : IDisposable
{
    private readonly TempFolder _folder = new("metalint-action-");

    public void Dispose() => _folder.Dispose();


    private static string Script()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Cli.RepoPath("action.yml"))));
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["runs"])["steps"];
        var check = steps.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("id", out var id) && id.ToString() == "check");
        return check["run"].ToString();
    }

    /// Runs the step with a fake metalint that records its arguments, optionally writes the --output file, and exits.
    private (int Exit, string Outputs, string Args, string Summary) Run(int fakeExit, bool writesSarif, params (string, string)[] inputs)
    {
        var tool = Path.Combine(_folder.Root, "metalint-tool");
        Directory.CreateDirectory(tool);
        var write = writesSarif ? "while [ $# -gt 0 ]; do if [ \"$1\" = --output ]; then echo '{}' > \"$2\"; fi; shift; done" : "";
        File.WriteAllText(Path.Combine(tool, "metalint"), $"#!/bin/bash\necho \"$@\" > \"$RUNNER_TEMP/args\"\n{write}\nexit {fakeExit}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(tool, "metalint"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo("bash", ["-e", "-c", Script()]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in new (string, string)[]
                 {
                     ("RUNNER_TEMP", _folder.Root), ("GITHUB_OUTPUT", Path.Combine(_folder.Root, "out")), ("GITHUB_STEP_SUMMARY", Path.Combine(_folder.Root, "summary")),
                     ("GITHUB_WORKSPACE", _folder.Root), ("ML_PATHS", "."), ("ML_CHANGED_ONLY", "false"), ("ML_FAIL_ON", "error"), ("ML_CATEGORY", "metalint"),
                 }.Concat(inputs))
            start.Environment[k] = v;
        using var p = Process.Start(start)!;
        p.WaitForExit();
        string Read(string name) => File.Exists(Path.Combine(_folder.Root, name)) ? File.ReadAllText(Path.Combine(_folder.Root, name)) : "";
        return (p.ExitCode, Read("out"), Read("args"), Read("summary"));
    }

    [Fact]
    public void Inputs_reach_the_command_and_a_written_log_is_uploaded()
    {
        var r = Run(1, writesSarif: true, ("ML_BASE", "origin/main"), ("ML_ENVIRONMENT", "production"), ("ML_MIN_SCORE", "85"));
        r.Exit.ShouldBe(0);   // the gate is applied by the last step, after the upload
        r.Outputs.ShouldContain($"sarif-file={Path.Combine(_folder.Root, "metalint.sarif")}\n");
        r.Outputs.ShouldContain("exit-code=1\n");
        r.Args.ShouldContain("--base origin/main");
        r.Args.ShouldContain("--environment production");
        r.Args.ShouldContain("--min-score 85");
        r.Args.ShouldContain($"--summary {Path.Combine(_folder.Root, "summary")}");
    }

    [Fact]
    public void A_usage_error_names_no_sarif_file_and_says_so_in_the_summary()
    {
        File.WriteAllText(Path.Combine(_folder.Root, "metalint.sarif"), "{ \"stale\": true }");   // left by an earlier run
        var r = Run(2, writesSarif: false);
        r.Exit.ShouldBe(2);
        r.Outputs.ShouldNotContain("sarif-file=");
        r.Outputs.ShouldContain("exit-code=2\n");
        r.Summary.ShouldContain("usage or configuration error (exit code 2)");
    }

    [Fact]
    public void The_upload_step_runs_only_when_a_log_was_named()
    {
        var text = File.ReadAllText(Cli.RepoPath("action.yml"));
        text.ShouldContain("if: ${{ inputs.upload == 'true' && always() && steps.check.outputs.sarif-file != '' }}");
    }
}
