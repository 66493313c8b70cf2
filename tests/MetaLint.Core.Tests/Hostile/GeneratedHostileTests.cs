using System.Text;
using MetaLint.Core.Configuration;
using MetaLint.Core.Discovery;
using MetaLint.Core.Model;
using MetaLint.Core.Parsing;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Hostile;

/// Hostile inputs that depend on the machine (secrets, links, permissions, vanished files) or are too big to commit.
public sealed class GeneratedHostileTests : IDisposable
{
    private const string Ns = "http://soap.sforce.com/2006/04/metadata";
    private static readonly string GoodProfile = File.ReadAllText(Repo.Path("testdata", "hostile", "good.profile-meta.xml"));
    private static readonly List<Expected> GoodFindings = Markers.FromText(GoodProfile);

    private readonly TempFolder _dir = new("metalint-hostile-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void External_entity_pointing_at_a_local_file_is_ML0001_and_the_file_never_appears()
    {
        var secret = "metalint-secret-" + Guid.NewGuid().ToString("N");
        var secretFile = _dir.Write("outside/secret.txt", secret);
        _dir.Write("org/good.profile-meta.xml", GoodProfile);
        foreach (var (name, reference) in new[] { ("path", secretFile), ("uri", new Uri(secretFile).AbsoluteUri) })
            _dir.Write($"org/xxe-{name}.profile-meta.xml",
                $"<?xml version=\"1.0\"?>\n<!DOCTYPE Profile [ <!ENTITY s SYSTEM \"{reference}\"> ]>\n" +
                $"<Profile xmlns=\"{Ns}\">\n    <userLicense>&s;</userLicense>\n    <description>&s;</description>\n</Profile>\n");

        var result = HostileRun.Folder(_dir.Path("org"));

        foreach (var file in new[] { "xxe-path.profile-meta.xml", "xxe-uri.profile-meta.xml" })
        {
            var failure = result.Findings.Where(f => f.Path == file).ShouldHaveSingleItem();
            failure.RuleId.ShouldBe("ML0001");
            (failure.Span.StartLine, failure.Span.StartColumn).ShouldBe((2, 1));
        }
        HostileRun.Of(result, "good.profile-meta.xml").ShouldBe(GoodFindings);
        Reports.RenderAll(result).ShouldNotContain(secret);
    }

    [Fact]
    public void Hundred_thousand_deep_nesting_parses_on_a_small_stack()
    {
        const int depth = 100_000;
        string Deep(string name) => string.Concat(Enumerable.Repeat($"<{name}>", depth)) + string.Concat(Enumerable.Repeat($"</{name}>", depth));
        _dir.Write("deep-unknown.profile-meta.xml",
            $"<Profile xmlns=\"{Ns}\">\n{Deep("x")}\n<userPermissions>\n<enabled>true</enabled>\n<name>ModifyAllData</name><!-- expect: ML1001 -->\n</userPermissions>\n</Profile>\n");
        _dir.Write("deep-in-block.permissionset-meta.xml",
            $"<PermissionSet xmlns=\"{Ns}\">\n<userPermissions>\n{Deep("y")}\n<enabled>true</enabled>\n<name>ViewAllData<z>{Deep("z")}</z></name><!-- expect: ML1002 -->\n</userPermissions>\n</PermissionSet>\n");
        _dir.Write("deep-unclosed.profile-meta.xml", $"<Profile xmlns=\"{Ns}\">" + string.Concat(Enumerable.Repeat("<x>", depth)));

        // 256 KB of stack: any recursion per level of nesting would overflow long before 100,000 levels.
        AnalysisResult? result = null;
        var thread = new Thread(() => result = HostileRun.Folder(_dir.Root, jobs: 1), 256 * 1024);
        thread.Start();
        thread.Join();

        HostileRun.Of(result!, "deep-unknown.profile-meta.xml").ShouldBe(Markers.Read(_dir.Path("deep-unknown.profile-meta.xml")));
        HostileRun.Of(result!, "deep-in-block.permissionset-meta.xml").ShouldBe(Markers.Read(_dir.Path("deep-in-block.permissionset-meta.xml")));
        var unclosed = result!.Findings.Where(f => f.Path == "deep-unclosed.profile-meta.xml").ShouldHaveSingleItem();
        unclosed.RuleId.ShouldBe("ML0001");
        unclosed.Message.ShouldContain("Unexpected end of file");
    }

    [Fact]
    public void Fifty_megabyte_single_line_profile_reports_exact_columns()
    {
        var path = _dir.Path("one-line.profile-meta.xml");
        long column;
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Profile xmlns=\"{Ns}\"><description>");
            w.Write(new string('d', 8 << 20));   // an 8 MB text node nobody reads
            w.Write("</description>");
            var block = "<fieldPermissions><editable>false</editable><field>Account.Field__c</field><readable>true</readable></fieldPermissions>";
            for (var written = 8L << 20; written < 50L << 20; written += block.Length) w.Write(block);
            w.Flush();
            w.Write("<userPermissions><enabled>true</enabled>");
            w.Flush();
            column = w.BaseStream.Position + 1;   // one ASCII line: the column is the byte offset plus one
            w.Write("<name>ModifyAllData</name></userPermissions></Profile>");
        }
        new FileInfo(path).Length.ShouldBeGreaterThan(50L << 20);

        var result = HostileRun.Folder(_dir.Root);

        var finding = result.Findings.ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("ML1001");
        (finding.Span.StartLine, (long)finding.Span.StartColumn).ShouldBe((1, column));
    }

    [Fact]
    public void Hundred_megabyte_profile_is_streamed_with_allocation_far_below_its_size()
    {
        var path = _dir.Path("huge.profile-meta.xml");
        var expected = LargeProfile.Write(path, 100L << 20);
        var size = new FileInfo(path).Length;
        var file = new SourceFile(path, "huge.profile-meta.xml", MetadataKind.Profile, "huge");

        MetadataParser.Parse(new SourceFile(_dir.Write("warm.profile-meta.xml", GoodProfile), "warm.profile-meta.xml", MetadataKind.Profile, "warm"));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = MetadataParser.Parse(file);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        parsed.Failure.ShouldBeNull();
        var findings = new RuleEngine(RuleCatalog.All, MetaLintConfig.Default).Run(Analyzer.BuildModel([parsed]));
        findings.Select(Expected.Of).OrderBy(e => e.Line).ThenBy(e => e.RuleId, StringComparer.Ordinal).ShouldBe(expected);
        // Reading the file into a string alone would allocate twice its size; streaming must stay far below it
        // (measured: about 110 KB for 100 MB, since skipped subtrees allocate nothing).
        allocated.ShouldBeLessThan(size / 100, $"parsing {size:N0} bytes allocated {allocated:N0} bytes");
    }

    [Fact]
    public void File_deleted_between_discovery_and_parsing_is_one_ML0001_and_the_rest_still_runs()
    {
        _dir.Write("good.profile-meta.xml", GoodProfile);
        var victim = _dir.Write("gone.profile-meta.xml", GoodProfile);
        var discovery = new Discoverer().Discover(_dir.Root, [_dir.Root]);
        File.Delete(victim);

        var model = Analyzer.BuildModel(Analyzer.ParseAll(discovery.Files));
        var findings = new RuleEngine(RuleCatalog.All, MetaLintConfig.Default).Run(model);

        var gone = findings.Where(f => f.Path == "gone.profile-meta.xml").ShouldHaveSingleItem();
        gone.RuleId.ShouldBe("ML0001");
        gone.Message.ShouldContain("no longer exists");
        findings.Where(f => f.Path == "good.profile-meta.xml").Select(Expected.Of).ShouldBe(GoodFindings);
    }

    [Fact]
    public async Task Symlink_loops_terminate_and_a_looping_file_link_is_one_ML0001()
    {
        if (OperatingSystem.IsWindows()) return;
        _dir.Write("force-app/profiles/good.profile-meta.xml", GoodProfile);
        Directory.CreateSymbolicLink(_dir.Path("force-app", "profiles", "loop"), _dir.Path("force-app"));
        Directory.CreateSymbolicLink(_dir.Path("force-app", "up"), _dir.Root);
        File.CreateSymbolicLink(_dir.Path("force-app", "profiles", "a.profile-meta.xml"), _dir.Path("force-app", "profiles", "b.profile-meta.xml"));
        File.CreateSymbolicLink(_dir.Path("force-app", "profiles", "b.profile-meta.xml"), _dir.Path("force-app", "profiles", "a.profile-meta.xml"));

        // WaitAsync turns a hang into a TimeoutException instead of a stuck test run.
        var result = await Task.Run(() => HostileRun.Folder(_dir.Root)).WaitAsync(TimeSpan.FromSeconds(60));

        result.Discovery.Files.Select(f => f.RelativePath).ShouldBe(
            ["force-app/profiles/a.profile-meta.xml", "force-app/profiles/b.profile-meta.xml", "force-app/profiles/good.profile-meta.xml"]);
        HostileRun.Of(result, "force-app/profiles/good.profile-meta.xml").ShouldBe(GoodFindings);
        foreach (var link in new[] { "a", "b" })
        {
            var failure = result.Findings.Where(f => f.Path == $"force-app/profiles/{link}.profile-meta.xml").ShouldHaveSingleItem();
            failure.RuleId.ShouldBe("ML0001");
            failure.Message.ShouldContain("cannot be read");
        }
    }

    [Theory]
    [InlineData("profiles/Force%2Ecom - App Subscription User.profile", "Force.com - App Subscription User", "profiles/Force%252Ecom%20-%20App%20Subscription%20User.profile")]
    [InlineData("profiles/Ünïcødé Prøfile ✓.profile-meta.xml", "Ünïcødé Prøfile ✓", "profiles/%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20Pr%C3%B8file%20%E2%9C%93.profile-meta.xml")]
    [InlineData("profiles/Ops%E2%80%93Admin.profile-meta.xml", "Ops\u2013Admin", "profiles/Ops%25E2%2580%2593Admin.profile-meta.xml")]
    [InlineData("profiles/100% sure.profile-meta.xml", "100% sure", "profiles/100%25%20sure.profile-meta.xml")]
    [InlineData("my profiles/a (b) & c.profile", "a (b) & c", "my%20profiles/a%20%28b%29%20%26%20c.profile")]
    public void Odd_file_names_are_opened_decoded_and_reencoded(string relative, string component, string sarifUri)
    {
        _dir.Write(relative, GoodProfile);

        var result = HostileRun.Folder(_dir.Root);

        var file = result.Discovery.Files.ShouldHaveSingleItem();
        file.ComponentName.ShouldBe(component);
        HostileRun.Of(result, relative).ShouldBe(GoodFindings);
        result.Findings.ShouldAllBe(f => f.ComponentName == component);
        SarifReporter.EncodePath(file.RelativePath).ShouldBe(sarifUri);
    }

    [Fact]
    public void Every_truncation_and_every_byte_corruption_of_a_profile_is_parsed_or_one_ML0001()
    {
        var bytes = Encoding.UTF8.GetBytes(GoodProfile);
        var path = _dir.Path("cut.profile-meta.xml");
        var file = new SourceFile(path, "cut.profile-meta.xml", MetadataKind.Profile, "cut");
        var lines = GoodProfile.Count(c => c == '\n') + 1;
        var random = new Random(6);
        var failures = 0;
        for (var i = 0; i <= bytes.Length * 2; i++)
        {
            byte[] input;
            if (i <= bytes.Length) input = bytes[..i];
            else { input = (byte[])bytes.Clone(); input[random.Next(input.Length)] = (byte)random.Next(256); }
            File.WriteAllBytes(path, input);

            var parsed = MetadataParser.Parse(file);

            if (parsed.Failure is { } f)
            {
                failures++;
                f.Message.ShouldNotContain("internal error");
                f.Location.Span.StartLine.ShouldBeInRange(1, lines);
                f.Location.Span.StartColumn.ShouldBeGreaterThanOrEqualTo(1);
            }
            else parsed.Content.ShouldNotBeNull();
        }
        failures.ShouldBeGreaterThan(bytes.Length - 10, "almost every truncation must fail");
    }
}
