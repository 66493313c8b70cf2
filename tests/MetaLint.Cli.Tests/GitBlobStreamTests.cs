using System.Diagnostics;
using MetaLint.Git;
using MetaLint.Tests.Support;

namespace MetaLint.Cli.Tests;

/// Large git blobs are streamed into the snapshot by `git cat-file --batch` (libgit2 inflates a whole blob in memory):
/// the same bytes as libgit2 gives, loose or packed, the size cap still decided from the header, and any failure of
/// git falls back to libgit2.
public sealed class GitBlobStreamTests : IDisposable
{
    private const string Rel = "force-app/main/default/profiles/Big.profile-meta.xml";
    private readonly TempRepo _repo = new();
    private readonly byte[] _content;

    public GitBlobStreamTests()
    {
        // Over the default streaming threshold, incompressible enough that the pack stores real zlib data.
        var random = new Random(10);
        var body = string.Concat(Enumerable.Range(0, 40_000).Select(i =>
            $"    <userPermissions><enabled>{(random.Next(2) == 0 ? "true" : "false")}</enabled><name>P{random.Next()}</name></userPermissions>\n"));
        var text = TempRepo.Profile().Replace("</Profile>", body + "</Profile>");
        _content = System.Text.Encoding.UTF8.GetBytes(text);
        _repo.Write(Rel, text).Write("sfdx-project.json", "{\"packageDirectories\":[{\"path\":\"force-app\"}]}");
        _repo.Commit();
    }

    public void Dispose() => _repo.Dispose();

    private (byte[]? Bytes, List<RefusedEntry> Refused) Snapshot(string? git, long limit = long.MaxValue, long threshold = 1024 * 1024)
    {
        using var repo = GitRepository.Open(_repo.Root);
        repo.GitExecutable = git;
        repo.StreamThreshold = threshold;
        using var snapshot = new Snapshot(repo.WorkDir, limit);
        repo.WriteTree(repo.Resolve("HEAD"), snapshot);
        var file = Path.Combine(snapshot.Folder, Rel);
        return (File.Exists(file) ? File.ReadAllBytes(file) : null, snapshot.Refused);
    }

    private void Gc()
    {
        using var gc = Process.Start(new ProcessStartInfo(GitCatFile.Executable!, ["gc", "-q"]) { WorkingDirectory = _repo.Root })!;
        gc.WaitForExit();
        gc.ExitCode.ShouldBe(0);
        Directory.EnumerateFiles(Path.Combine(_repo.Root, ".git", "objects", "pack"), "*.pack").ShouldNotBeEmpty();
    }

    [Fact]
    public void A_large_blob_streamed_by_git_has_the_same_bytes_loose_and_packed()
    {
        if (GitCatFile.Executable == null) return;   // no git on PATH: only the libgit2 path exists
        _content.Length.ShouldBeGreaterThan(1024 * 1024);
        Snapshot(GitCatFile.Executable).Bytes.ShouldBe(_content);
        Snapshot(null).Bytes.ShouldBe(_content);
        Gc();
        Snapshot(GitCatFile.Executable).Bytes.ShouldBe(_content);
        Snapshot(GitCatFile.Executable, threshold: 1).Bytes.ShouldBe(_content);   // every blob (the project file too)
    }

    [Fact]
    public void The_size_cap_is_decided_from_the_header_before_git_is_asked()
    {
        var (bytes, refused) = Snapshot(GitCatFile.Executable, limit: _content.Length - 1);
        bytes.ShouldBeNull();
        refused.ShouldHaveSingleItem().Name.ShouldBe(Rel);
        Snapshot(GitCatFile.Executable, limit: _content.Length).Bytes.ShouldBe(_content);
    }

    [Fact]
    public void A_git_that_fails_falls_back_to_libgit2_with_the_same_bytes()
    {
        if (OperatingSystem.IsWindows()) return;
        Snapshot("/bin/false").Bytes.ShouldBe(_content);                        // starts, answers nothing
        Snapshot(Path.Combine(_repo.Root, "no-such-git")).Bytes.ShouldBe(_content);   // cannot start
    }

    [Fact]
    public void Git_refuses_a_size_or_object_that_disagrees_with_the_header()
    {
        if (GitCatFile.Executable == null) return;
        using var repo = GitRepository.Open(_repo.Root);
        var id = repo.Resolve("HEAD").Tree[Rel].Target.Sha;
        using (var git = GitCatFile.Start(Path.Combine(_repo.Root, ".git"))!)
        {
            var sink = new MemoryStream();
            git.TryCopy(id, _content.Length + 1, sink).ShouldBeFalse();
            sink.Length.ShouldBe(0);   // refused from the header: nothing read
        }
        using (var git = GitCatFile.Start(Path.Combine(_repo.Root, ".git"))!)
            git.TryCopy(new string('1', 40), 10, new MemoryStream()).ShouldBeFalse();   // "<oid> missing"
        using (var git = GitCatFile.Start(Path.Combine(_repo.Root, ".git"))!)
        {
            var sink = new MemoryStream();
            git.TryCopy(id, _content.Length, sink).ShouldBeTrue();
            sink.ToArray().ShouldBe(_content);
            git.TryCopy(id, _content.Length, new MemoryStream()).ShouldBeTrue();   // the batch process serves the next request
        }
    }

    [Fact]
    public void Git_is_found_only_in_absolute_PATH_entries_never_the_current_folder()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempFolder("metalint-path-");
        var fake = Path.Combine(dir.Root, "git");
        File.WriteAllText(fake, "#!/bin/sh\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), dir.Root);
        GitCatFile.FindOnPath("git", $".{Path.PathSeparator}{Path.PathSeparator}{relative}").ShouldBeNull();
        GitCatFile.FindOnPath("git", $"{relative}{Path.PathSeparator}{dir.Root}").ShouldBe(fake);
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        GitCatFile.FindOnPath("git", dir.Root).ShouldBeNull();   // not executable
    }
}
