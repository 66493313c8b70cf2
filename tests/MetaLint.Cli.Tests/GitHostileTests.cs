using System.Diagnostics;
using System.Text;
using LibGit2Sharp;
using MetaLint.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MetaLint.Cli.Tests;

/// --base and --staged on repositories an attacker crafted: entries that would leave the snapshot, links out of the
/// project, a FIFO where a staged file was, blobs over the size limit, names that are not UTF-8, and a run killed
/// with SIGTERM. Each case runs under a time bound, so a hang fails the test instead of blocking the suite.
public sealed class GitHostileTests : IDisposable
{
    private const string Profiles = "force-app/main/default/profiles/";
    private static readonly Signature Author = new("Eve", "eve@example.com", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TempRepo _git = new();

    public void Dispose() => _git.Dispose();

    private Task<CliResult> Check(params string[] extra) =>
        Task.Run(() => Cli.Run(["check", _git.Root, "--format", "json", .. extra])).WaitAsync(TimeSpan.FromSeconds(60));

    private static List<string> Findings(CliResult r) =>
        ((JArray)JObject.Parse(r.Out)["findings"]!).Select(f => $"{f["path"]} {f["ruleId"]}").ToList();

    private ObjectId Blob(string text) => _git.Repo.ObjectDatabase.Write<Blob>(Encoding.UTF8.GetBytes(text));

    /// A raw tree object: git's own tree builder refuses these names, the object format does not.
    private ObjectId RawTree(params (string Mode, string Name, ObjectId Id)[] entries)
    {
        var bytes = new MemoryStream();
        foreach (var (mode, name, id) in entries)
        {
            bytes.Write(Encoding.UTF8.GetBytes($"{mode} {name}\0"));
            bytes.Write(id.RawId);
        }
        return _git.Repo.ObjectDatabase.Write<Tree>(bytes.ToArray());
    }

    [Fact]
    public async Task Base_tree_entries_named_to_leave_the_snapshot_are_refused_and_nothing_is_written_outside()
    {
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ViewSetup", true))).Commit("head");
        var unique = Guid.NewGuid().ToString("N");
        var evil = Blob(TempRepo.Profile(("ModifyAllData", true)));
        var up = RawTree(("100644", $"evil-{unique}.profile-meta.xml", evil));
        var root = RawTree(("40000", "..", up), ("100644", $"a\\..\\..\\evil-{unique}.profile-meta.xml", evil));
        var commit = _git.Repo.ObjectDatabase.CreateCommit(Author, Author, "crafted", _git.Repo.Lookup<Tree>(root), [], false);

        var r = await Check("--base", commit.Sha);

        r.ExitCode.ShouldBe(0, r.Error);
        r.Error.ShouldContain($"git entry '../evil-{unique}.profile-meta.xml' was not analysed: its name is not a safe path");
        r.Error.ShouldContain($"git entry 'a\\..\\..\\evil-{unique}.profile-meta.xml' was not analysed: its name is not a safe path (it contains a backslash)");
        Directory.EnumerateFiles(Path.GetTempPath(), $"*evil-{unique}*", SearchOption.TopDirectoryOnly).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_staged_profile_whose_working_copy_became_a_fifo_is_read_from_the_blob_without_blocking()
    {
        if (OperatingSystem.IsWindows()) return;
        _git.Write("README.md", "x").Commit("base");
        _git.Write(Profiles + "Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true))).Stage();
        File.Delete(_git.Path(Profiles + "Admin.profile-meta.xml"));
        using (var mkfifo = Process.Start("mkfifo", [_git.Path(Profiles + "Admin.profile-meta.xml")])) mkfifo.WaitForExit();

        var r = await Check("--staged");

        Findings(r).ShouldBe([$"{Profiles}Admin.profile-meta.xml ML1001"]);
    }

    [Fact]
    public async Task A_staged_profiles_folder_link_out_of_the_project_is_an_ML0002_error()
    {
        if (OperatingSystem.IsWindows()) return;
        using var outside = new TempRepo();
        outside.Write("profiles/Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true)));
        _git.Write("README.md", "x").Commit("base");
        Directory.CreateDirectory(_git.Path("force-app/main/default"));
        File.CreateSymbolicLink(_git.Path("force-app/main/default/profiles"), outside.Path("profiles"));
        _git.Stage();

        var r = await Check("--staged");

        r.ExitCode.ShouldBe(1);
        Findings(r).ShouldBe(["force-app/main/default/profiles ML0002"]);
    }

    [Fact]
    public async Task A_profiles_folder_link_out_of_the_project_is_new_in_a_pull_request()
    {
        if (OperatingSystem.IsWindows()) return;
        using var outside = new TempRepo();
        outside.Write("profiles/Admin.profile-meta.xml", TempRepo.Profile(("ModifyAllData", true)));
        _git.Write(Profiles + "Sales.profile-meta.xml", TempRepo.Profile(("ApiEnabled", true))).Commit("base");
        Directory.Delete(_git.Path(Profiles), recursive: true);
        File.CreateSymbolicLink(_git.Path(Profiles.TrimEnd('/')), outside.Path("profiles"));

        var r = await Check("--base", "HEAD");

        r.ExitCode.ShouldBe(1);
        Findings(r).ShouldBe(["force-app/main/default/profiles ML0002"]);
    }

    [Fact]
    public async Task Blobs_and_files_over_max_file_size_are_named_never_read_and_fail_the_gate()
    {
        var big = TempRepo.Profile(("ModifyAllData", true)) + new string(' ', 5000);
        _git.Write(Profiles + "Big.profile-meta.xml", big).Commit("base");

        var r = await Check("--base", "HEAD", "--max-file-size", "4096");

        r.Error.ShouldContain($"git entry '{Profiles}Big.profile-meta.xml' was not analysed: it is {big.Length:N0} bytes, over the 4,096-byte limit (--max-file-size)");
        Findings(r).ShouldBe([$"{Profiles}Big.profile-meta.xml ML0001"]);   // head side: the file itself
        r.ExitCode.ShouldBe(1);
        (await Check("--max-file-size", "0")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_staged_file_with_a_non_utf8_name_is_analysed_not_reported_as_deleted()
    {
        if (!OperatingSystem.IsLinux()) return;
        _git.Write("README.md", "x").Commit("base");
        Directory.CreateDirectory(_git.Path(Profiles));
        File.WriteAllText(_git.Path(Profiles + "source.xml"), TempRepo.Profile(("ModifyAllData", true)));
        // Latin-1 "Café": byte 0xE9 is not UTF-8. .NET cannot name such a file, so the shell makes it.
        Shell($"mv {Profiles}source.xml \"{Profiles}Caf$(printf '\\351').profile-meta.xml\" && git add -A");

        try
        {
            var staged = await Check("--staged");
            staged.Error.ShouldNotContain("deleted or moved");
            Findings(staged).ShouldBe([$"{Profiles}Caf\uFFFD.profile-meta.xml ML1001"]);

            var plain = await Check();
            plain.ExitCode.ShouldBe(1);
            plain.Out.ShouldNotContain("deleted or moved");
            plain.Out.ShouldContain("its name is not valid UTF-8");
        }
        finally
        {
            Shell("rm -rf force-app");   // .NET cannot name the file to delete it
        }
    }

    private void Shell(string script)
    {
        var start = new ProcessStartInfo("sh", ["-c", script]) { WorkingDirectory = _git.Root, RedirectStandardError = true };
        using var sh = Process.Start(start)!;
        sh.WaitForExit();
        sh.ExitCode.ShouldBe(0, sh.StandardError.ReadToEnd());
    }

    [Fact]
    public async Task Sigterm_during_a_base_run_removes_the_snapshot()
    {
        if (OperatingSystem.IsWindows()) return;
        File.WriteAllText(_git.Path("Admin.profile-meta.xml"), TempRepo.Profile(("ApiEnabled", true)));
        _git.Commit("base");
        using var folder = new TempFolder("metalint-signal-test-");
        var temp = folder.Root;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "metalint.dll"), "check", _git.Root, "--base", "HEAD"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["TMPDIR"] = temp;
        // The run holds once its snapshot is written (test hook), so the signal always lands inside it.
        var held = Path.Combine(temp, "held");
        start.Environment["METALINT_TEST_HOLD_SNAPSHOT"] = held;
        using var run = Process.Start(start)!;
        try
        {
            var snapshot = await WaitFor(() => File.Exists(held), run);
            snapshot.ShouldBeTrue("the run ended before its snapshot was written; nothing was signalled");
            Directory.EnumerateFiles(temp, "Admin.profile-meta.xml", SearchOption.AllDirectories).ShouldNotBeEmpty();
            using (var kill = Process.Start("kill", ["-TERM", run.Id.ToString()])) await kill.WaitForExitAsync();
            await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            run.ExitCode.ShouldNotBeOneOf([0, 1, 2]);   // it was ended by the signal, not finished
            Directory.EnumerateFileSystemEntries(temp, "metalint-*").ShouldBeEmpty();
        }
        finally
        {
            if (!run.HasExited) run.Kill(entireProcessTree: true);   // a held run never ends by itself
        }
    }

    private static async Task<bool> WaitFor(Func<bool> condition, Process run)
    {
        for (var waited = 0; waited < 120_000; waited += 20)
        {
            if (condition()) return true;
            if (run.HasExited) return false;
            await Task.Delay(20);
        }
        return false;
    }
}
