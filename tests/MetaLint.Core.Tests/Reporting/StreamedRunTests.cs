using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Reporting;

/// Issue 14 point 2: a run streams its findings in report order as files complete (a reorder buffer over worker
/// threads), holding only a bounded number of files ahead of the reader.
public sealed class StreamedRunTests : IDisposable
{
    private readonly TempFolder _org = new("metalint-stream-");

    public void Dispose() => _org.Dispose();

    private const string Grant = "    <userPermissions>\n        <enabled>true</enabled>\n        <name>{0}</name>\n    </userPermissions>\n";

    private const string Suppressed = "    <userPermissions>\n        <enabled>true</enabled>\n" +
        "        <!-- metalint-disable-next-line ML1001: break-glass profile -->\n        <name>ModifyAllData</name>\n    </userPermissions>\n";

    /// The sample org twice (force-app and a copy under other-app: every component twice, decomposed sets, inline
    /// suppressions, settings), plus count generated profiles, each granting Modify All Data (suppressed inline in every
    /// other one) and Author Apex.
    private void Org(int count)
    {
        var sample = RepoRoot.Path("testdata", "sample-org", "force-app");
        foreach (var package in new[] { "force-app", "other-app" })
            foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
                _org.Write(Path.Combine(package, Path.GetRelativePath(sample, file)), File.ReadAllBytes(file));
        _org.Write("sfdx-project.json", "{\"packageDirectories\":[{\"path\":\"force-app\",\"default\":true},{\"path\":\"other-app\"}]}");
        for (var i = 0; i < count; i++)
            _org.Write($"force-app/main/default/profiles/Gen{i:D4}.profile-meta.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
                (i % 2 == 0 ? Suppressed : string.Format(Grant, "ModifyAllData")) + string.Format(Grant, "AuthorApex") + "</Profile>\n");
    }

    private AnalysisStream Stream(int jobs, AnalysisProgress? progress = null) =>
        Analyzer.Stream([_org.Root], new AnalysisOptions { Root = _org.Root, Jobs = jobs, Progress = progress });

    [Fact]
    public void Findings_come_in_the_order_and_with_the_fingerprints_of_one_global_sort()
    {
        Org(60);
        var streamed = Stream(jobs: 4).ToList();
        // The reference: every finding held, sorted and numbered at once (components repeat across the two packages,
        // so a numbering that forgot a component too early would restart at 1).
        var reference = RuleEngine.Finalise(streamed.Select(f => f with { FingerprintKey = "" }).Reverse());
        streamed.Select(f => (f.Path, f.Span.StartLine, f.RuleId, f.FingerprintKey))
            .ShouldBe(reference.Select(f => (f.Path, f.Span.StartLine, f.RuleId, f.FingerprintKey)));
        streamed.Select(f => f.FingerprintKey).ShouldBeUnique();
        streamed.ShouldContain(f => f.FingerprintKey.EndsWith("|2", StringComparison.Ordinal));
        streamed.ShouldContain(f => f.IsSuppressed);
        streamed.Select(f => f.Path).ShouldContain(p => p.Contains("/permissionsets/Support_Lead/", StringComparison.Ordinal));
        Stream(jobs: 1).Select(f => (f.Path, f.FingerprintKey)).ShouldBe(streamed.Select(f => (f.Path, f.FingerprintKey)));
    }

    [Fact]
    public void Workers_stay_a_bounded_number_of_files_ahead_of_the_reader()
    {
        Org(200);
        var progress = new AnalysisProgress();
        using var findings = Stream(jobs: 2, progress).GetEnumerator();
        findings.MoveNext().ShouldBeTrue();
        // Two workers, 8 units each ahead of the reader, which has taken one unit (a unit may be a decomposed set:
        // count its files as one more each at most).
        var bound = 1 + 2 * 8 + 8;
        SpinWait.SpinUntil(() => progress.FilesParsed >= bound, TimeSpan.FromSeconds(5));
        Thread.Sleep(100);
        progress.FilesParsed.ShouldBeLessThanOrEqualTo(bound);
        progress.FilesTotal.ShouldBeGreaterThan(200);
    }

    [Fact]
    public void A_reader_that_stops_early_stops_the_workers()
    {
        Org(200);
        var progress = new AnalysisProgress();
        Stream(jobs: 2, progress).Take(3).Count().ShouldBe(3);
        var parsed = progress.FilesParsed;
        Thread.Sleep(100);
        progress.FilesParsed.ShouldBe(parsed);
    }

    [Fact]
    public void A_streamed_report_gives_its_counts_and_score_only_after_its_findings_and_its_findings_once()
    {
        Org(3);
        var stream = Stream(jobs: 2);
        var report = new Report(stream, stream.Rules, stream.Discovery.Files.Count) { ScoreSource = () => stream.Score };
        Should.Throw<InvalidOperationException>(() => report.Tally);
        Should.Throw<InvalidOperationException>(() => report.Score);
        var findings = report.Findings.ToList();
        Should.Throw<InvalidOperationException>(() => report.Findings.ToList());
        report.Tally.ActiveTotal.ShouldBe(findings.Count(f => !f.IsSuppressed));
        report.SuppressedCount.ShouldBe(findings.Count(f => f.IsSuppressed));
        report.Count(RuleLevel.Error).ShouldBe(findings.Count(f => !f.IsSuppressed && f.Level == RuleLevel.Error));
        report.Score.ShouldNotBeNull();
        stream.Score!.Score.ShouldBe(Analyzer.Run([_org.Root], new AnalysisOptions { Root = _org.Root }).Score!.Score);
    }

    [Fact]
    public void Sarif_without_a_result_limit_spools_its_results_and_writes_what_the_held_model_writes()
    {
        Org(30);
        var held = Analyzer.Run([_org.Root], new AnalysisOptions { Root = _org.Root });
        Report Held() => new(held.Findings, held.Rules, held.Discovery.Files.Count) { Score = held.Score };
        var model = new StringWriter();
        SarifJsonWriter.Write(SarifReporter.Build(Held(), maxResults: 0).Log, model);

        using var tmp = new TempFolder("metalint-spool-");
        var stream = Stream(jobs: 2);
        var spooled = new SpoolWatcher(tmp.Root);
        var reporter = new SarifReporter(maxResults: 0, spoolFolder: tmp.Root);
        reporter.Write(new Report(stream, stream.Rules, stream.Discovery.Files.Count) { ScoreSource = () => stream.Score }, spooled);
        spooled.ToString().ShouldBe(model.ToString());
        spooled.SpoolFilesAtFirstWrite.ShouldBe(1);   // the results were in the spool before the log began
        reporter.Outcome!.Findings.ShouldBe(held.Findings.Count);
        held.Findings.Count.ShouldBeGreaterThan(30);
        Directory.GetFileSystemEntries(tmp.Root).ShouldBeEmpty();   // the spool is deleted with its handle
    }

    [Fact]
    public void A_spooled_log_is_the_held_one_for_no_one_and_escaped_results_and_its_spool_goes_when_writing_fails()
    {
        Org(1);
        var held = Analyzer.Run([_org.Root], new AnalysisOptions { Root = _org.Root });
        var escaped = held.Findings.Select((f, i) => f with
        {
            Message = $"caf\u00e9 \"{i}\" <b>&amp;</b> \\ \t \u2028 \U0001F600 {new string('\u00e9', i * 500)}",
            ComponentName = "Na\u00efve\"<>",
        }).ToList();
        using var tmp = new TempFolder("metalint-spool-");
        foreach (var findings in new[] { [], held.Findings.Take(1).ToList(), escaped })
        {
            Report Make() => new(findings, held.Rules, held.Discovery.Files.Count) { Score = held.Score };
            var model = new StringWriter();
            SarifJsonWriter.Write(SarifReporter.Build(Make(), maxResults: 0).Log, model);
            var spooled = new StringWriter();
            new SarifReporter(maxResults: 0, spoolFolder: tmp.Root).Write(Make(), spooled);
            spooled.ToString().ShouldBe(model.ToString(), $"{findings.Count} results");
            Directory.GetFileSystemEntries(tmp.Root).ShouldBeEmpty();
        }
        // The output fails, or the findings do (an analysis error while they are spooled): the spool is deleted.
        Should.Throw<IOException>(() => new SarifReporter(maxResults: 0, spoolFolder: tmp.Root)
            .Write(new Report(escaped, held.Rules, 1), new FailingWriter()));
        Directory.GetFileSystemEntries(tmp.Root).ShouldBeEmpty();
        Should.Throw<InvalidOperationException>(() => new SarifReporter(maxResults: 0, spoolFolder: tmp.Root)
            .Write(new Report(escaped.Take(2).Append(null!).Select(f => f ?? throw new InvalidOperationException("analysis failed")), held.Rules, 1), new StringWriter()));
        Directory.GetFileSystemEntries(tmp.Root).ShouldBeEmpty();
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char[] buffer, int index, int count) => throw new IOException("disk full");
        public override void Write(ReadOnlySpan<char> buffer) => throw new IOException("disk full");
        public override void Write(string? value) => throw new IOException("disk full");
        public override void Write(char value) => throw new IOException("disk full");
    }

    /// Counts the files in the spool folder when the log's first characters arrive.
    private sealed class SpoolWatcher(string folder) : StringWriter
    {
        public int? SpoolFilesAtFirstWrite { get; private set; }

        public override void Write(char[] buffer, int index, int count)
        {
            SpoolFilesAtFirstWrite ??= Directory.GetFiles(folder).Length;
            base.Write(buffer, index, count);
        }
    }

    /// Unsaved text by path whose look-up fails for one file: an exception on the worker that processes it.
    private sealed class FailingLookup(string failing) : IReadOnlyDictionary<string, string>
    {
        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
        {
            if (key.EndsWith(failing, StringComparison.Ordinal)) throw new InvalidDataException($"cannot read {failing}");
            value = null;
            return false;
        }

        public string this[string key] => throw new KeyNotFoundException();
        public IEnumerable<string> Keys => [];
        public IEnumerable<string> Values => [];
        public int Count => 0;
        public bool ContainsKey(string key) => TryGetValue(key, out _);
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Theory]
    [InlineData(1, "Gen0000.profile-meta.xml")]
    [InlineData(2, "Gen0050.profile-meta.xml")]
    [InlineData(8, "Gen0050.profile-meta.xml")]
    [InlineData(8, "Gen0199.profile-meta.xml")]
    public void A_worker_that_fails_hands_its_exception_to_the_reader_and_the_others_stop(int jobs, string failing)
    {
        Org(200);
        var progress = new AnalysisProgress();
        var read = new List<Finding>();
        var stream = Analyzer.Stream([_org.Root],
            new AnalysisOptions { Root = _org.Root, Jobs = jobs, Progress = progress, Unsaved = new FailingLookup(failing) });
        var e = Should.Throw<InvalidDataException>(() => { foreach (var f in stream) read.Add(f); });
        e.Message.ShouldBe($"cannot read {failing}");
        // Everything before the failing file was reported, nothing at or after it.
        read.ShouldNotBeEmpty();
        read.ShouldAllBe(f => string.CompareOrdinal(f.Path, "force-app/main/default/profiles/" + failing) < 0);
        var parsed = progress.FilesParsed;
        Thread.Sleep(100);
        progress.FilesParsed.ShouldBe(parsed);
        progress.FilesParsed.ShouldBeLessThan(progress.FilesTotal);
    }

    [Fact]
    public void Snippets_read_on_the_workers_are_what_the_file_shows_for_held_and_for_too_large_files()
    {
        Org(5);
        // Over the 16 MB a worker holds for snippets: read again from disk.
        var big = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\r\n");
        while (big.Length < 17 * 1024 * 1024)
            big.Append("    <fieldPermissions>\r\n        <editable>false</editable>\r\n        <field>Account.Some_Field__c</field>\r\n        <readable>true</readable>\r\n    </fieldPermissions>\r\n");
        _org.Write("force-app/main/default/profiles/Big.profile-meta.xml", big + string.Format(Grant, "ModifyAllData").Replace("\n", "\r\n") + "</Profile>\r\n");
        // Held (1 MB): lines skipped a 64 KB block at a time, grants before, between and after the blocks.
        var mid = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n");
        for (var i = 0; mid.Length < 1024 * 1024; i++)
            mid.Append(i % 2000 == 0 ? string.Format(Grant, i % 4000 == 0 ? "AuthorApex" : "ModifyAllData")
                : $"    <fieldPermissions>\n        <editable>false</editable>\n        <field>Account.F{i}__c</field>\n    </fieldPermissions>\n");
        _org.Write("force-app/main/default/profiles/Mid.profile-meta.xml", mid + string.Format(Grant, "ViewAllData") + "</Profile>\n");
        var streamed = Analyzer.Stream([_org.Root], new AnalysisOptions { Root = _org.Root, Jobs = 2, Snippets = true }).ToList();
        streamed.Count(f => f.Path.EndsWith("Mid.profile-meta.xml", StringComparison.Ordinal)).ShouldBeGreaterThan(3);
        using var disk = new SnippetSource();
        streamed.Count.ShouldBeGreaterThan(20);
        streamed.ShouldContain(f => f.Path.EndsWith("Big.profile-meta.xml", StringComparison.Ordinal));
        foreach (var f in streamed)
        {
            var (text, start, end, context) = disk.For(f);
            f.Snippet.ShouldBe(new MetaLint.Core.Model.SourceSnippet(text, start, end, context), f.Path);
            f.Snippet!.Context.ShouldNotBeNull();
        }
    }
}
