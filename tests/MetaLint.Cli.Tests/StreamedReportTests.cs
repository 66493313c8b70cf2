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

    /// Org() with what the streamed run merges or filters on the way: escaping links (ML0002, discovery's own findings,
    /// a file link and a folder link among the profiles), a whole permission set inside a decomposed set's folder,
    /// rules.yml exceptions (valid, expired: ML9002, path globs) with require-approval over inline comments (ML9003),
    /// inline suppressions, and an accepted findings file covering the first profiles.
    private string HostileOrg()
    {
        var org = Org();
        const string profiles = "org/force-app/main/default/profiles/";
        string Profile(int i) =>
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
            "    <userPermissions>\n        <enabled>true</enabled>\n" +
            (i % 3 == 0 ? "        <!-- metalint-disable-next-line ML1001: break-glass -->\n" : "") +
            "        <name>ModifyAllData</name>\n    </userPermissions>\n" +
            "    <userPermissions>\n        <enabled>true</enabled>\n" +
            (i % 4 == 0 ? "        <!-- metalint-disable-next-line ML1006: reviewed -->\n" : "") +
            "        <name>AuthorApex</name>\n    </userPermissions>\n</Profile>\n";
        for (var i = 0; i < 12; i++) _tmp.Write($"{profiles}Acc{i:D2}.profile-meta.xml", Profile(i));
        Cli.Run("check", org, "--update-accepted").ExitCode.ShouldBe(0);
        for (var i = 0; i < 24; i++) _tmp.Write($"{profiles}Mix{i:D2}.profile-meta.xml", Profile(i));
        for (var i = 0; i < 12; i++) _tmp.Write($"{profiles}Acc{i:D2}.profile-meta.xml", Profile(i + 1));   // lines moved
        _tmp.Write("org/force-app/main/default/permissionsets/Support_Lead/Zed.permissionset-meta.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
            "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</PermissionSet>\n");
        _tmp.Write("org/rules.yml", """
            policy:
              require-approval: [ML1001]
            exceptions:
              - rule: ML1001
                component: Profile:Mix01
                justification: break-glass
                approvedBy: sec@example.com
                expires: 2099-12-31
              - rule: ML1001
                component: Mix02
                justification: old
                approvedBy: sec@example.com
                expires: 2020-01-01
              - rule: ML1006
                path: force-app/main/default/profiles/Mix1*.profile-meta.xml
                justification: reviewed
              - rule: ML1004
                path: other-app/**
                justification: copy
                expires: 2020-01-01
            """);
        if (!OperatingSystem.IsWindows())
        {
            _tmp.Write("outside/Escape.profile-meta.xml", Profile(1));
            File.CreateSymbolicLink(_tmp.Path(profiles + "Lnk.profile-meta.xml"), _tmp.Path("outside/Escape.profile-meta.xml"));
            Directory.CreateSymbolicLink(_tmp.Path("org/force-app/main/default/permissionsets/Zz"), _tmp.Path("outside"));
        }
        return org;
    }

    [Theory]
    [InlineData("text")]
    [InlineData("text", "--statistics")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("gitlab")]
    [InlineData("sarif")]
    [InlineData("sarif", "--max-results", "7")]
    [InlineData("sarif", "--max-results", "60")]
    [InlineData("sarif", "--max-results", "0")]
    [InlineData("json", "--select", "ML10,ML9", "--ignore", "ML1006")]
    [InlineData("csv", "--min-level", "error")]
    public void Every_jobs_count_and_every_repeat_writes_the_held_runs_report(string format, params string[] more)
    {
        var org = HostileOrg();
        string[] args = ["check", org, "--format", format, "--fail-on", "warning", .. more];
        var held = Cli.Run([.. args, "--jobs", "1", "--evidence", _tmp.Path("evidence.json")]);
        held.Error.ShouldNotContain("internal error");
        if (!more.Contains("7")) held.Out.ShouldContain("Zed.permissionset-meta.xml");
        if (!OperatingSystem.IsWindows() && format != "gitlab" && more.Length == 0) held.Out.ShouldContain("ML0002");
        foreach (var jobs in new[] { "1", "2", "8", "8", "2" })
        {
            foreach (var run in new[] { Cli.Run([.. args, "--jobs", jobs]), Cli.Run([.. args, "--jobs", jobs, "--evidence", _tmp.Path("evidence.json")]) })
            {
                run.Out.ShouldBe(held.Out);
                run.Error.ShouldBe(held.Error);
                run.ExitCode.ShouldBe(held.ExitCode);
            }
        }
    }

    /// A streamed run analyses while the report is written: an analysis that fails then (here a rules.yml exception
    /// whose path glob is too complex to match, found when the first finding is filtered) is one line and exit 2,
    /// and leaves no temporary file beside --output, nor replaces the report already there.
    [Theory]
    [InlineData("sarif")]
    [InlineData("text")]
    public void An_analysis_that_fails_while_the_report_is_written_leaves_no_file_behind(string format)
    {
        var org = Org();
        _tmp.Write("org/rules.yml", $"exceptions:\n  - rule: ML1004\n    path: \"{new string('a', 30_000)}\"\n    justification: j\n");
        var output = _tmp.Write("out/report.txt", "the previous report");
        var run = Cli.Run("check", org, "--format", format, "--output", output);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("metalint: error: an ignore pattern is too complex");
        run.Error.TrimEnd('\n').ShouldNotContain('\n');
        run.Error.Length.ShouldBeLessThan(300);   // names the pattern's start and size, not all 30,000 characters
        Directory.GetFiles(_tmp.Path("out")).ShouldBe([output]);
        File.ReadAllText(output).ShouldBe("the previous report");
    }
}
