using System.Diagnostics;
using MetaLint.Core.IO;
using MetaLint.Git;
using MetaLint.Tests.Support;

namespace MetaLint.Cli.Tests;

/// The --staged shortcut trusts a working file only when its bytes hash to the staged blob's object id, and reads
/// no more of it than the staged blob's size.
public sealed class CopyIfStagedTests : IDisposable
{
    private const string Hello = "ce013625030ba8dba906f756967f9e9ca394464a";   // git hash-object of "hello\n"
    private readonly TempFolder _dir = new("metalint-copy-");

    public void Dispose() => _dir.Dispose();

    private static bool Copy(string source, string objectId, long size, MemoryStream? sink = null) =>
        GitRepository.CopyIfStaged(source, sink ?? new MemoryStream(), objectId, size, InputFile.DefaultMetadataLimit);

    [Theory]
    [InlineData("", "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")]        // git hash-object of an empty file
    [InlineData("hello\n", Hello)]
    public void Bytes_that_hash_to_the_object_id_are_copied_and_accepted(string content, string objectId)
    {
        var source = Path.Combine(_dir.Root, "source");
        File.WriteAllText(source, content);
        var sink = new MemoryStream();
        Copy(source, objectId, content.Length, sink).ShouldBeTrue();
        System.Text.Encoding.UTF8.GetString(sink.ToArray()).ShouldBe(content);
    }

    [Fact]
    public void Other_bytes_or_a_missing_file_are_refused()
    {
        var source = Path.Combine(_dir.Root, "source");
        File.WriteAllText(source, "hello!\n");
        Copy(source, Hello, 6).ShouldBeFalse();
        Copy(Path.Combine(_dir.Root, "gone"), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", 0).ShouldBeFalse();
    }

    [Fact]
    public void A_working_copy_larger_than_the_staged_blob_is_not_copied_at_all()
    {
        var source = Path.Combine(_dir.Root, "big");
        File.WriteAllBytes(source, new byte[1024 * 1024]);
        var sink = new MemoryStream();
        Copy(source, Hello, 6, sink).ShouldBeFalse();
        sink.Length.ShouldBe(0);
    }

    [Fact]
    public async Task A_link_to_dev_zero_or_a_fifo_is_refused_without_reading()
    {
        if (OperatingSystem.IsWindows()) return;
        var zero = Path.Combine(_dir.Root, "zero");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var fifo = Path.Combine(_dir.Root, "fifo");
        Process.Start("mkfifo", fifo).WaitForExit();
        // WaitAsync throws TimeoutException (the test fails) if either copy blocks.
        var copied = await Task.Run(() => (Copy(zero, Hello, 6), Copy(fifo, Hello, 6))).WaitAsync(TimeSpan.FromSeconds(20));
        copied.ShouldBe((false, false));
    }
}
