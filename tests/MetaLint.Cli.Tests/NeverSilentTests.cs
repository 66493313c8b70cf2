using MetaLint.Tests.Support;

namespace MetaLint.Cli.Tests;

/// Issue 15 point 7: nothing a user does by mistake passes green or silently.
public sealed class NeverSilentTests : IDisposable
{
    private readonly TempFolder _tmp = new("metalint-silent-");

    public void Dispose() => _tmp.Dispose();

    private const string Grant =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
        "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</Profile>\n";

    [Fact]
    public void Folder_without_metadata_is_exit_2_naming_the_path()
    {
        _tmp.Write("src/readme.txt", "not metadata");
        var folder = _tmp.Path("src");
        var r = Cli.Run("check", folder);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain($"no Salesforce metadata found under '{folder}'");
        r.Error.ShouldContain("--allow-empty");
        r.Out.ShouldBeEmpty();
    }

    [Fact]
    public void Everything_forceignored_is_exit_2()
    {
        _tmp.Write("sfdx-project.json", "{\"packageDirectories\":[{\"path\":\"force-app\"}]}");
        _tmp.Write(".forceignore", "**/profiles/**\n");
        _tmp.Write("force-app/main/default/profiles/Admin.profile-meta.xml", Grant);
        var r = Cli.Run("check", _tmp.Root);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("no Salesforce metadata found");
    }

    [Fact]
    public void Allow_empty_turns_an_empty_run_into_a_clean_one()
    {
        var r = Cli.Run("check", _tmp.Root, "--allow-empty");
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldContain("No problems found in 0 files.");
    }

    [Fact]
    public void Output_file_still_leaves_a_summary_and_the_gate_decision_on_stderr()
    {
        _tmp.Write("p/Admin.profile-meta.xml", Grant);
        var output = _tmp.Path("out", "report.sarif");
        var r = Cli.Run("check", _tmp.Path("p"), "--format", "sarif", "--output", output);
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldBeEmpty();
        r.Error.ShouldBe($"metalint: 1 error, 0 warnings, 0 notes in 1 file; --fail-on error: fails (exit 1); report in {output}\n");

        var passing = Cli.Run("check", _tmp.Path("p"), "--output", output, "--fail-on", "never");
        passing.ExitCode.ShouldBe(0);
        passing.Error.ShouldContain("--fail-on never: passes (exit 0)");
    }

    [Fact]
    public void Without_output_stderr_stays_quiet()
    {
        _tmp.Write("p/Admin.profile-meta.xml", Grant);
        Cli.Run("check", _tmp.Path("p")).Error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--jobs", "abc", "metalint: --jobs expects a whole number, not 'abc'")]
    [InlineData("--format", "xml", "metalint: --format must be text, sarif, json, gitlab or csv, not 'xml'")]
    [InlineData("--fail-on", "sometimes", "metalint: --fail-on must be error, warning, note or never, not 'sometimes'")]
    public void Usage_errors_are_one_clean_line(string option, string value, string expected)
    {
        var r = Cli.Run("check", option, value);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldBe($"{expected} (see 'metalint --help')\n");
    }

    [Fact]
    public void Number_options_of_other_commands_name_no_dotnet_type()
    {
        var r = Cli.Run("baseline", "score", "--min-score", "high");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldBe("metalint: --min-score expects a number, not 'high' (see 'metalint --help')\n");
    }

    [Fact]
    public void Broken_json_baseline_names_the_line_without_the_json_library_tail()
    {
        _tmp.Write("p/Admin.profile-meta.xml", Grant);
        var baseline = _tmp.Write("baseline.json", "[\n  {\"setting\": \"SessionTimeout\",\n");
        var r = Cli.Run("check", _tmp.Path("p"), "--baseline", baseline);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain($"{baseline}: line 3: not valid JSON: ");
        r.Error.ShouldNotContain("LineNumber");
        r.Error.ShouldNotContain("BytePositionInLine");
        r.Error.ShouldNotContain("\\u000A");
    }
}
