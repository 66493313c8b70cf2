using System.Diagnostics;
using MetaLint.Core.Discovery;
using MetaLint.Core.IO;
using MetaLint.Git;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Hostile;

/// Repository content must not make discovery read outside the analysed root, hide a file from the gate, or hang.
/// Every case is built here and runs under a time bound, so a hang fails instead of blocking the suite.
public sealed class ContainmentTests : IDisposable
{
    private const string Admin = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
            <custom>true</custom>
            <userPermissions>
                <enabled>true</enabled>
                <name>ModifyAllData</name>
            </userPermissions>
        </Profile>
        """;

    private readonly TempFolder _dir = new("metalint-containment-");

    public void Dispose() => _dir.Dispose();

    /// The analysis, or a TimeoutException (a failed test) when it hangs.
    private static Task<AnalysisResult> Bounded(Func<AnalysisResult> run) => Task.Run(run).WaitAsync(TimeSpan.FromSeconds(30));

    private static List<string> Findings(AnalysisResult r) =>
        r.Findings.Select(f => $"{f.Path} {f.RuleId}").ToList();

    [Fact]
    public async Task Symlinked_profiles_folder_inside_the_root_is_analysed_and_a_loop_ends()
    {
        if (OperatingSystem.IsWindows()) return;
        _dir.Write("project/shared/profiles/Admin.profile-meta.xml", Admin);
        Directory.CreateDirectory(_dir.Path("project/force-app"));
        File.CreateSymbolicLink(_dir.Path("project/force-app/profiles"), "../shared/profiles");
        File.CreateSymbolicLink(_dir.Path("project/shared/profiles/again"), "..");   // a loop back up
        var r = await Bounded(() => HostileRun.Folder(_dir.Path("project")));
        Findings(r).ShouldContain("force-app/profiles/Admin.profile-meta.xml ML1001");
        r.Findings.ShouldNotContain(f => f.RuleId == "ML0002");
    }

    [Fact]
    public async Task Symlinked_profiles_folder_outside_the_root_is_an_ML0002_error_not_silence()
    {
        if (OperatingSystem.IsWindows()) return;
        _dir.Write("elsewhere/profiles/Admin.profile-meta.xml", Admin);
        Directory.CreateDirectory(_dir.Path("project/force-app"));
        File.CreateSymbolicLink(_dir.Path("project/force-app/profiles"), _dir.Path("elsewhere/profiles"));
        File.CreateSymbolicLink(_dir.Path("project/Stolen.profile-meta.xml"), "/etc/passwd");
        var r = await Bounded(() => HostileRun.Folder(_dir.Path("project")));
        Findings(r).ShouldBe(["Stolen.profile-meta.xml ML0002", "force-app/profiles ML0002"]);
        r.Findings[1].Message.ShouldBe($"'force-app/profiles' is a symlink to a target outside the project ({_dir.Path("elsewhere/profiles")}); its content was not analysed");
        r.Findings.ShouldAllBe(f => f.Level == MetaLint.Core.Rules.RuleLevel.Error);
    }

    [Fact]
    public async Task A_fifo_or_a_dev_stdin_link_named_like_a_profile_is_one_ML0001_each_and_never_blocks()
    {
        if (OperatingSystem.IsWindows()) return;
        _dir.Write("Good.profile-meta.xml", Admin);
        using (var mkfifo = Process.Start("mkfifo", [_dir.Path("Fifo.profile-meta.xml")])) mkfifo.WaitForExit();
        File.CreateSymbolicLink(_dir.Path("Stdin.profile-meta.xml"), "/dev/stdin");
        var r = await Bounded(() => HostileRun.Folder(_dir.Root));
        // /dev/stdin resolves outside the root: reported as a link, never opened.
        Findings(r).ShouldBe(["Fifo.profile-meta.xml ML0001", "Good.profile-meta.xml ML1001", "Stdin.profile-meta.xml ML0002"]);
        r.Findings[0].Message.ShouldContain("is not a regular file (a FIFO, socket or device)");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_an_ML0001_naming_the_limit_and_is_not_read()
    {
        _dir.Write("Big.profile-meta.xml", Admin + new string(' ', 4096));
        _dir.Write("Small.profile-meta.xml", Admin);
        var r = await Bounded(() => Analyzer.Run([_dir.Root], new AnalysisOptions { Root = _dir.Root, MaxFileSize = 4096 }));
        Findings(r).ShouldBe(["Big.profile-meta.xml ML0001", "Small.profile-meta.xml ML1001"]);
        r.Findings[0].Message.ShouldContain("over the 4,096-byte limit");
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc")]
    [InlineData("force-app/../../outside")]
    [InlineData("C:/Windows")]
    public async Task Package_directories_outside_the_project_are_refused_with_a_warning(string dir)
    {
        _dir.Write("outside/Admin.profile-meta.xml", Admin);
        _dir.Write("project/force-app/Admin.profile-meta.xml", Admin);
        _dir.Write("project/sfdx-project.json",
            $$"""{ "packageDirectories": [ { "path": "{{dir}}" }, { "path": "force-app" } ] }""");
        var r = await Bounded(() => HostileRun.Folder(_dir.Path("project")));
        Findings(r).ShouldBe(["force-app/Admin.profile-meta.xml ML1001"]);
        r.Discovery.Warnings.ShouldHaveSingleItem().ShouldContain($"package directory '{dir}' is refused");
    }

    [Fact]
    public async Task Package_directories_repeated_thousands_of_times_are_walked_once()
    {
        _dir.Write("force-app/Admin.profile-meta.xml", Admin);
        var many = string.Join(",", Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? """{"path":"force-app"}""" : """{"path":"./force-app/"}"""));
        _dir.Write("sfdx-project.json", $$"""{ "packageDirectories": [ {{many}} ] }""");
        ProjectLayout.Read(_dir.Root).PackageDirectories.ShouldBe(["force-app"]);
        Findings(await Bounded(() => HostileRun.Folder(_dir.Root))).ShouldBe(["force-app/Admin.profile-meta.xml ML1001"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x.profile-meta.xml")]
    [InlineData("a/../../x.profile-meta.xml")]
    [InlineData("/tmp/x.profile-meta.xml")]
    [InlineData("C:/x.profile-meta.xml")]
    [InlineData("C:x.profile-meta.xml")]
    [InlineData("a\\..\\..\\x.profile-meta.xml")]
    [InlineData("a//x.profile-meta.xml")]
    [InlineData("./x.profile-meta.xml")]
    [InlineData("a/x\n.profile-meta.xml")]
    public void Unsafe_entry_names_are_refused(string name) => ContainedPath.Problem(name).ShouldNotBeNull();

    [Theory]
    [InlineData("force-app/main/default/profiles/Admin.profile-meta.xml")]
    [InlineData("a/..b/c..profile")]
    [InlineData("Caf%C3%A9.profile")]
    public void Safe_entry_names_are_accepted(string name) => ContainedPath.Problem(name).ShouldBeNull();

    [Fact]
    public void Real_path_resolves_link_chains_and_detects_loops()
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(_dir.Path("a"));
        File.CreateSymbolicLink(_dir.Path("b"), "a");
        File.CreateSymbolicLink(_dir.Path("c"), _dir.Path("b"));
        File.CreateSymbolicLink(_dir.Path("loop1"), "loop2");
        File.CreateSymbolicLink(_dir.Path("loop2"), "loop1");
        ContainedPath.Real(_dir.Path("c", "x")).ShouldBe(ContainedPath.Real(_dir.Path("a", "x")));
        ContainedPath.Real(_dir.Path("loop1")).ShouldBeNull();
        ContainedPath.ResolvesUnder(_dir.Path("a"), _dir.Path("c", "deeper")).ShouldBeTrue();
        ContainedPath.ResolvesUnder(_dir.Path("a"), _dir.Path("a", "..", "b-sibling")).ShouldBeFalse();
    }

    [Fact]
    public void Snapshot_writes_only_names_that_stay_inside_and_never_through_a_link()
    {
        if (OperatingSystem.IsWindows()) return;
        using var snapshot = new Snapshot(_dir.Root, limit: 1024);
        snapshot.Create("../escape.profile-meta.xml", 10).ShouldBeNull();
        snapshot.Create("/tmp/escape.profile-meta.xml", 10).ShouldBeNull();
        snapshot.WriteLink("out", _dir.Root);
        snapshot.Create("out/escape.profile-meta.xml", 10).ShouldBeNull();   // would write through the link
        snapshot.Create("Big.profile-meta.xml", 2048).ShouldBeNull();
        using (var ok = snapshot.Create("force-app/Admin.profile-meta.xml", 10)) ok.ShouldNotBeNull();
        snapshot.Refused.Select(r => r.Name).ShouldBe(
            ["../escape.profile-meta.xml", "/tmp/escape.profile-meta.xml", "out/escape.profile-meta.xml", "Big.profile-meta.xml"]);
        Directory.EnumerateFileSystemEntries(_dir.Root, "escape*", SearchOption.TopDirectoryOnly).ShouldBeEmpty();
        File.Exists("/tmp/escape.profile-meta.xml").ShouldBeFalse();
    }

    [Fact]
    public void Sweep_removes_only_old_marked_snapshot_folders()
    {
        var old = Directory.CreateDirectory(_dir.Path(Snapshot.Prefix + "old"));
        File.WriteAllText(Path.Combine(old.FullName, Snapshot.Marker), "");
        var unmarked = Directory.CreateDirectory(_dir.Path(Snapshot.Prefix + "unmarked"));
        var fresh = Directory.CreateDirectory(_dir.Path(Snapshot.Prefix + "fresh"));
        File.WriteAllText(Path.Combine(fresh.FullName, Snapshot.Marker), "");
        var other = Directory.CreateDirectory(_dir.Path("metalint-git-test-old"));
        foreach (var d in new[] { old, unmarked, other }) d.LastWriteTimeUtc = DateTime.UtcNow.AddDays(-2);

        Snapshot.SweepStale(_dir.Root, TimeSpan.FromDays(1));

        Directory.Exists(old.FullName).ShouldBeFalse();
        Directory.Exists(unmarked.FullName).ShouldBeTrue();
        Directory.Exists(fresh.FullName).ShouldBeTrue();
        Directory.Exists(other.FullName).ShouldBeTrue();
    }
}
