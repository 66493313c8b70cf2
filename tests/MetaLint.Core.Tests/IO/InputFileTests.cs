using System.Diagnostics;
using MetaLint.Core.IO;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.IO;

public sealed class InputFileTests : IDisposable
{
    private readonly TempFolder _dir = new("metalint-input-");

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Regular_file_is_read_whole()
    {
        var path = Write("rules.yml", "rules: {}\n");
        InputFile.Kind(path).ShouldBe(FileKind.Regular);
        InputFile.ReadAllText(path, 100, "rules.yml").ShouldBe("rules: {}\n");
    }

    [Fact]
    public void Kinds_of_folder_missing_and_symlink()
    {
        var target = Write("t.xml", "x");
        var link = Path.Combine(_dir.Root, "l.xml");
        File.CreateSymbolicLink(link, target);
        InputFile.Kind(_dir.Root).ShouldBe(FileKind.Directory);
        InputFile.Kind(Path.Combine(_dir.Root, "none")).ShouldBe(FileKind.Missing);
        InputFile.Kind(link).ShouldBe(FileKind.Regular);
        InputFile.Kind(link, followLinks: false).ShouldBe(FileKind.Symlink);
        var dangling = Path.Combine(_dir.Root, "d.xml");
        File.CreateSymbolicLink(dangling, Path.Combine(_dir.Root, "gone"));
        InputFile.Kind(dangling).ShouldBe(FileKind.Missing);
        InputFile.Kind(dangling, followLinks: false).ShouldBe(FileKind.Symlink);
    }

    [Fact]
    public void File_over_the_limit_is_refused_with_its_name()
    {
        var path = Write("big.yml", new string('a', 101));
        var error = Should.Throw<InputFileException>(() => InputFile.ReadAllBytes(path, 100, "rules.yml"));
        error.Message.ShouldContain("rules.yml '" + path + "'");
        error.Message.ShouldContain("limit");
    }

    [Fact]
    public void Link_to_a_device_is_refused_without_reading()
    {
        if (OperatingSystem.IsWindows()) return;
        var link = Path.Combine(_dir.Root, "rules.yml");
        File.CreateSymbolicLink(link, "/dev/zero");
        InputFile.Kind(link).ShouldBe(FileKind.Special);
        Should.Throw<InputFileException>(() => InputFile.ReadAllText(link, 1 << 20, "rules.yml"))
            .Message.ShouldContain("not a regular file");
    }

    [Fact]
    public async Task Fifo_is_refused_without_blocking()
    {
        if (OperatingSystem.IsWindows()) return;
        var fifo = Path.Combine(_dir.Root, "Admin.profile-meta.xml");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var read = Task.Run(() => Should.Throw<InputFileException>(() => InputFile.OpenRead(fifo, 1 << 20, "metadata file")));
        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10)))).ShouldBe(read, "opening a FIFO must not block");
        InputFile.Kind(fifo).ShouldBe(FileKind.Special);
    }

    [Fact]
    public void Proc_file_whose_size_says_zero_is_stopped_at_the_limit()
    {
        if (!OperatingSystem.IsLinux()) return;
        // /proc/self/maps reports size 0 but yields far more than 16 bytes.
        Should.Throw<InputFileException>(() => InputFile.ReadAllBytes("/proc/self/maps", 16, "baseline"))
            .Message.ShouldContain("grew past");
    }
}
