using MetaLint.Tests.Support;

namespace MetaLint.Cli.Tests;

/// Issue 14 point 2: a plain check streams its report (findings written as files complete, counts after them); a run
/// that holds every finding (--evidence lists them all) writes the same report byte for byte, in every format.
public sealed class StreamedReportTests : IDisposable
{
    private readonly TempFolder _tmp = new("metalint-streamed-");

    public void Dispose() => _tmp.Dispose();

    private string Org()
    {
        var sample = Cli.RepoPath("testdata", "sample-org");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            _tmp.Write(Path.Combine("org", relative), File.ReadAllBytes(file));
            if (relative.StartsWith("force-app", StringComparison.Ordinal))
                _tmp.Write(Path.Combine("org", "other-app", relative), File.ReadAllBytes(file));   // every component twice
        }
        _tmp.Write("org/sfdx-project.json", "{\"packageDirectories\":[{\"path\":\"force-app\",\"default\":true},{\"path\":\"other-app\"}]}");
        for (var i = 0; i < 40; i++)
            _tmp.Write($"org/force-app/main/default/profiles/Gen{i:D3}.profile-meta.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
                string.Concat(Enumerable.Range(0, 30).Select(o =>
                    $"    <objectPermissions>\n        <allowRead>true</allowRead>\n        <object>Obj{o}__c</object>\n" +
                    "        <viewAllRecords>true</viewAllRecords>\n    </objectPermissions>\n")) +
                "</Profile>\n");
        return _tmp.Path("org");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("gitlab")]
    [InlineData("sarif")]
    [InlineData("sarif", "--max-results", "50")]
    [InlineData("sarif", "--max-results", "0")]
    [InlineData("text", "--statistics", "--min-level", "warning")]
    public void A_streamed_report_is_the_report_of_a_run_that_holds_every_finding(string format, params string[] more)
    {
        var org = Org();
        string[] args = ["check", org, "--format", format, "--fail-on", "warning", .. more];
        var streamed = Cli.Run(args);
        var held = Cli.Run([.. args, "--evidence", _tmp.Path("evidence.json")]);
        File.Exists(_tmp.Path("evidence.json")).ShouldBeTrue();
        streamed.Out.ShouldBe(held.Out);
        streamed.Error.ShouldBe(held.Error);
        streamed.ExitCode.ShouldBe(held.ExitCode);
        streamed.ExitCode.ShouldBe(1);
        streamed.Out.Length.ShouldBeGreaterThan(10_000);
    }
}
