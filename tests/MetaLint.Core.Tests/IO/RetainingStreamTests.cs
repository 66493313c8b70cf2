using MetaLint.Core.IO;
using MetaLint.Core.Model;
using MetaLint.Core.Parsing;

namespace MetaLint.Core.Tests.IO;

/// RetainingStream over a file that changes while it is read (its length said one thing, its reads another).
public sealed class RetainingStreamTests
{
    /// A stream whose Length is what it was when opened, not what reading finds.
    private sealed class Changing(byte[] content, long length) : MemoryStream(content)
    {
        public override long Length => length;
    }

    private static byte[] Bytes(int n) => Enumerable.Range(0, n).Select(i => (byte)(i % 251)).ToArray();

    [Theory]
    [InlineData(10, 5000, 1 << 16)]          // grew, still within the limit: kept whole
    [InlineData(100, 1 << 16, 1 << 16)]      // grew to exactly the limit: passed through
    [InlineData(100, (1 << 16) - 1, 1 << 16)]
    [InlineData(100, 70_000, 1 << 16)]       // grew past the limit
    [InlineData(5000, 10, 1 << 16)]          // shrank
    [InlineData(0, 0, 1 << 16)]              // empty
    [InlineData(0, 300, 1 << 16)]
    public void The_parser_reads_every_byte_and_the_copy_is_whole_or_absent(int said, int actual, int limit)
    {
        var content = Bytes(actual);
        var stream = new RetainingStream(new Changing(content, said), limit);
        var read = new MemoryStream();
        stream.CopyTo(read);
        read.ToArray().ShouldBe(content);
        if (stream.Whole is { } whole) whole.ToArray().ShouldBe(content);
        else actual.ShouldBeGreaterThanOrEqualTo(limit - 1);
        stream.Position = 0;   // DOCTYPE detection after a failed parse
        read.SetLength(0);
        stream.CopyTo(read);
        read.ToArray().ShouldBe(content);
        stream.Release();
        stream.Release();
        stream.Whole.ShouldBeNull();
    }
}

/// The parser with a RetainingStream around its file.
public sealed class WrappedParseTests
{
    [Fact]
    public void A_file_that_grows_past_the_limit_while_it_is_kept_is_one_failure_and_leaves_no_handle_open()
    {
        if (!OperatingSystem.IsLinux()) return;
        // A regular file whose size says 0 and whose reads give more (proc): it "grows" while RetainingStream reads it.
        var path = $"/proc/{Environment.ProcessId}/maps";
        var file = new SourceFile(path, "maps", MetadataKind.Profile, "maps");
        var parsed = MetadataParser.Parse(file, limit: 16, input => new RetainingStream(input, 1 << 20));
        parsed.Failure!.Message.ShouldContain("grew past the 16-byte limit");
        Directory.GetFiles($"/proc/{Environment.ProcessId}/fd").Select(fd => new FileInfo(fd).LinkTarget)
            .ShouldNotContain(path);
    }
}
