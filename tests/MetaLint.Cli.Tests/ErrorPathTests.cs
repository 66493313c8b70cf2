using MetaLint.Cli.Commands;
using MetaLint.Tests.Support;

namespace MetaLint.Cli.Tests;

/// The one error path: every failure that is not a finding is one line naming the file or argument, exit 2, and
/// no stack trace, for every subcommand and every class of bad input (also with --fail-on never).
public sealed class ErrorPathTests : IDisposable
{
    private readonly TempFolder _folder = new("metalint-errors-");
    private static readonly string Sample = Cli.RepoPath("testdata", "sample-org");

    public void Dispose() => _folder.Dispose();


    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Link(string name, string target)
    {
        var path = Path.Combine(_folder.Root, name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    private static void OneLine(CliResult r, string names)
    {
        r.ExitCode.ShouldBe(2, r.Error);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, r.Error);
        lines[0].ShouldStartWith("metalint: ");
        lines[0].ShouldContain(names);
        r.Error.ShouldNotContain("Unhandled exception");
        r.Error.ShouldNotContain("   at ");
    }

    /// (arguments, what the one line must name) for each subcommand and class of bad input.
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (args, names) in new (string, string)[]
        {
            // Unknown flags and bad values.
            ("check {sample} --bogus", "--bogus"),
            ("rules --format nope", "nope"),
            ("baseline score {sample} --min-score NaN", "--min-score"),
            ("baseline score {sample} --min-score Infinity", "--min-score"),
            ("baseline score {sample} --min-score -Infinity", "--min-score"),
            ("baseline convert {good}", "OUT"),
            ("baseline lint", "FILE"),
            ("lsp --bogus", "--bogus"),
            ("frobnicate", "'frobnicate'"),
            // Missing files.
            ("check {missing}", "missing"),
            ("check {sample} --config {missing}", "missing"),
            ("baseline lint {missing}", "missing"),
            ("baseline score {sample} --baseline {missing}", "missing"),
            ("baseline convert {missing} {dir}/out.json", "missing"),
            // Devices instead of files.
            ("check {sample} --config {zero}", "zero"),
            ("check {sample} --baseline {zero}", "zero"),
            ("baseline lint {zero}", "zero"),
            ("baseline score {sample} --config {zero}", "zero"),
            ("baseline convert {zero} {dir}/out.json", "zero"),
            // Malformed content.
            ("check {sample} --config {deep}", "deep.yml"),
            ("check {sample} --baseline {surrogate}", "surrogate.json"),
            ("baseline lint {surrogate}", "surrogate.json"),
            ("baseline score {sample} --baseline {surrogate}", "surrogate.json"),
            ("baseline convert {control} {dir}/out.xml", "control.json"),
            // Unusable outputs.
            ("check {sample} --fail-on never --output ", "--output"),
            ("check {sample} --fail-on never --output {dir}/o.sarif --evidence {dir}/o.sarif", "another output"),
            ("check {sample} --fail-on never --output {link}", "symbolic link"),
            ("check {sample} --fail-on never --evidence {link}", "symbolic link"),
            ("check {sample} --fail-on never --output {sampleProfile}", "named like a metadata file"),
            ("check {sample} --fail-on never --baseline {good} --output {good}", "files this run reads"),
            ("check {sample} --fail-on never --output {long}/x.sarif", "too long"),
            ("check {sample} --fail-on never --staged --evidence {dir}/X.profile-meta.xml", "named like a metadata file"),
            ("baseline convert {good} {good}", "files this run reads"),
            ("baseline convert {good} {link}", "symbolic link"),
            // Git modes over something that is not a usable repository.
            ("check {sample} --fail-on never --base HEAD~~^^:x", "HEAD~~^^:x"),
            ("check {brokenGit} --fail-on never --base main", "git"),
        })
            data.Add(args, names);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Every_bad_input_is_one_line_and_exit_2(string args, string names)
    {
        var surrogate = Write("surrogate.json", """[{"setting":"\uD800","riskType":"HIGH_RISK","standardValue":"1"}]""");
        Write("control.json", "[{\"setting\":\"Bad\\u0007Name\",\"riskType\":\"HIGH_RISK\",\"standardValue\":\"1\"}]");
        Write("good.json", """[{"setting":"SessionTimeout","riskType":"HIGH_RISK","standardValue":"120"}]""");
        Write("deep.yml", "rules:\n  " + string.Concat(Enumerable.Repeat("{a: ", 5000)));
        Link("zero", "/dev/zero");
        Link("link", Path.Combine(_folder.Root, "elsewhere.sarif"));
        Directory.CreateDirectory(Path.Combine(_folder.Root, "broken", ".git"));
        File.WriteAllText(Path.Combine(_folder.Root, "broken", ".git", "HEAD"), "junk\n");
        File.Copy(Directory.GetFiles(Sample, "*.profile-meta.xml", SearchOption.AllDirectories)[0],
            Path.Combine(_folder.Root, "broken", "A.profile-meta.xml"));
        var sampleProfile = Directory.GetFiles(Sample, "*.profile-meta.xml", SearchOption.AllDirectories).Order().First();
        string Expand(string token) => token
            .Replace("{sampleProfile}", sampleProfile).Replace("{sample}", Sample).Replace("{missing}", Path.Combine(_folder.Root, "missing.yml"))
            .Replace("{zero}", Path.Combine(_folder.Root, "zero")).Replace("{deep}", Path.Combine(_folder.Root, "deep.yml"))
            .Replace("{surrogate}", surrogate).Replace("{control}", Path.Combine(_folder.Root, "control.json"))
            .Replace("{good}", Path.Combine(_folder.Root, "good.json")).Replace("{link}", Path.Combine(_folder.Root, "link"))
            .Replace("{long}", Path.Combine(_folder.Root, new string('a', 300))).Replace("{brokenGit}", Path.Combine(_folder.Root, "broken"))
            .Replace("{dir}", _folder.Root);
        // Split before expanding: the sample's paths hold spaces; a trailing space makes an empty argument.
        OneLine(Cli.Run([.. args.Split(' ').Select(Expand)]), names);
        File.Exists(Path.Combine(_folder.Root, "elsewhere.sarif")).ShouldBeFalse();
        File.Exists(Path.Combine(_folder.Root, "o.sarif")).ShouldBeFalse();
    }

    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");
        public override void Write(string? value) => throw new IOException("No space left on device");
        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("check {sample} --fail-on never")]
    [InlineData("baseline score {sample}")]
    [InlineData("baseline lint {good}")]
    public void A_full_stdout_is_one_line_and_exit_2(string args)
    {
        var good = Write("good.json", """[{"setting":"SessionTimeout","riskType":"HIGH_RISK","standardValue":"120"}]""");
        var stderr = new StringWriter { NewLine = "\n" };
        var code = MetaLintCli.Run(args.Replace("{sample}", Sample).Replace("{good}", good).Split(' '), new FullWriter(), stderr);
        OneLine(new CliResult(code, "", stderr.ToString()), "standard output");
    }

    /// A redirected stdout is buffered (Program.cs): the disk fills when the buffer is flushed, after the report.
    private sealed class FullOnFlushWriter : StringWriter
    {
        public override void Flush() => throw new IOException("No space left on device");
    }

    [Theory]
    [InlineData("check {sample} --fail-on never --format csv")]
    [InlineData("rules")]
    public void A_stdout_that_fails_when_flushed_is_one_line_and_exit_2(string args)
    {
        var stderr = new StringWriter { NewLine = "\n" };
        var code = MetaLintCli.Run(args.Replace("{sample}", Sample).Split(' '), new FullOnFlushWriter(), stderr);
        OneLine(new CliResult(code, "", stderr.ToString()), "standard output");
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_of_an_unexpected_error()
    {
        var stderr = new StringWriter { NewLine = "\n" };
        MetaLintCli.Run(["rules", "--verbose"], new FullWriter(), stderr).ShouldBe(2);
        stderr.ToString().ShouldContain("   at ");
    }

    [Fact]
    public void A_write_that_fails_leaves_the_destination_as_it_was_and_no_temporary_file()
    {
        var dest = Write("report.sarif", "previous report");
        var e = Should.Throw<IOException>(() => OutputFile.Write(dest, stream =>
        {
            stream.Write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        e.Message.ShouldContain(dest);
        File.ReadAllText(dest).ShouldBe("previous report");
        Directory.GetFiles(_folder.Root).ShouldBe([dest]);
    }

    [Fact]
    public void A_write_that_succeeds_replaces_the_destination_whole()
    {
        var dest = Path.Combine(_folder.Root, "sub", "report.sarif");
        OutputFile.Write(dest, stream => stream.Write("new"u8));
        File.ReadAllText(dest).ShouldBe("new");
        Directory.GetFiles(Path.Combine(_folder.Root, "sub")).ShouldBe([dest]);
    }

    [Fact]
    public void An_output_through_a_symlinked_folder_onto_an_input_is_refused()
    {
        var real = Directory.CreateDirectory(Path.Combine(_folder.Root, "real")).FullName;
        var input = Write(Path.Combine("real", "in.json"), "x");
        Directory.CreateSymbolicLink(Path.Combine(_folder.Root, "alias"), real);
        OutputFile.Problem(Path.Combine(_folder.Root, "alias", "in.json"), "--output", [input], []).ShouldNotBeNull()
            .ShouldContain("files this run reads");
    }

    [Fact]
    public void Baseline_lint_and_score_escape_terminal_controls_from_the_file()
    {
        var baseline = Write("esc.json",
            "[{\"setting\":\"Evil\\u001b[2J\\u0007\",\"riskType\":\"HIGH_RISK\",\"standardValue\":\"1\"}]");
        var lint = Cli.Run("baseline", "lint", baseline);
        lint.Out.ShouldNotContain("\u001b");
        lint.Out.ShouldContain("\\u001B[2J");
        var score = Cli.Run("baseline", "score", Sample, "--baseline", baseline);
        score.Out.ShouldNotContain("\u001b");
        score.Out.ShouldNotContain("\u0007");
        score.Out.ShouldContain("Evil\\u001B[2J\\u0007");
    }
}
