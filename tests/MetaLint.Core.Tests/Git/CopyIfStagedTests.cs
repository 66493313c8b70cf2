using MetaLint.Core.Git;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Git;

/// The --staged shortcut trusts a working file only when its bytes hash to the staged blob's object id.
public sealed class CopyIfStagedTests : IDisposable
{
    private readonly TempFolder _dir = new("metalint-copy-");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("", "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")]        // git hash-object of an empty file
    [InlineData("hello\n", "ce013625030ba8dba906f756967f9e9ca394464a")]  // git hash-object of "hello\n"
    public void Bytes_that_hash_to_the_object_id_are_copied_and_accepted(string content, string objectId)
    {
        var source = Path.Combine(_dir.Root, "source");
        var target = Path.Combine(_dir.Root, "target");
        File.WriteAllText(source, content);
        GitRepository.CopyIfStaged(source, target, objectId).ShouldBeTrue();
        File.ReadAllText(target).ShouldBe(content);
    }

    [Fact]
    public void Other_bytes_or_a_missing_file_are_refused()
    {
        var source = Path.Combine(_dir.Root, "source");
        File.WriteAllText(source, "hello!\n");
        GitRepository.CopyIfStaged(source, Path.Combine(_dir.Root, "t1"), "ce013625030ba8dba906f756967f9e9ca394464a").ShouldBeFalse();
        GitRepository.CopyIfStaged(Path.Combine(_dir.Root, "gone"), Path.Combine(_dir.Root, "t2"), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391").ShouldBeFalse();
    }
}
