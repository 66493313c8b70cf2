using MetaLint.Cli.Reports;
using MetaLint.Tests.Support;
using Newtonsoft.Json.Linq;
using nietras.SeparatedValues;

namespace MetaLint.Cli.Tests;

/// Issue 15 point 6: --format csv, one row per finding, RFC 4180 with a header.
public sealed class CsvReportTests : IDisposable
{
    private readonly TempFolder _tmp = new("metalint-csv-");

    public void Dispose() => _tmp.Dispose();

    private static List<string[]> Rows(string csv)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, HasHeader = false }).FromText(csv);
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var cols = new string[row.ColCount];
            for (var i = 0; i < cols.Length; i++) cols[i] = row[i].ToString();
            rows.Add(cols);
        }
        return rows;
    }

    [Fact]
    public void Sample_org_gives_a_header_and_one_row_per_finding_with_crlf_line_ends()
    {
        var sample = Cli.RepoPath("testdata", "sample-org");
        var csv = Cli.Run("check", sample, "--format", "csv");
        csv.ExitCode.ShouldBe(1);
        var json = (JArray)JObject.Parse(Cli.Run("check", sample, "--format", "json").Out)["findings"]!;

        csv.Out.ShouldStartWith("ruleId,ruleName,level,message,path,startLine,startColumn,endLine,endColumn,componentType,component,subject,fingerprint,suppression,justification\r\n");
        csv.Out.Replace("\r\n", "").ShouldNotContain("\n");
        var rows = Rows(csv.Out);
        rows[0].ShouldBe(CsvReporter.Columns);
        rows.Count.ShouldBe(json.Count + 1);
        for (var i = 0; i < json.Count; i++)
        {
            rows[i + 1][0].ShouldBe((string)json[i]["ruleId"]!);
            rows[i + 1][4].ShouldBe((string)json[i]["path"]!);
            rows[i + 1][5].ShouldBe(((int)json[i]["startLine"]!).ToString());
            rows[i + 1][12].ShouldBe((string)json[i]["fingerprint"]!);
        }
    }

    [Fact]
    public void Commas_quotes_line_breaks_and_formulas_in_repository_text_survive_and_cannot_run()
    {
        const string name = "=HYPERLINK(\"x\",\"a,b\")\nnext";
        _tmp.Write("p/" + Uri.EscapeDataString(name) + ".profile-meta.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
            "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</Profile>\n");
        var r = Cli.Run("check", _tmp.Path("p"), "--format", "csv");
        var rows = Rows(r.Out);
        rows.Count.ShouldBe(2);
        rows[1].Length.ShouldBe(CsvReporter.Columns.Length);
        rows[1][10].ShouldBe("'" + name);   // component: kept whole, but a spreadsheet shows it as text
        rows[1][3].ShouldContain("a,b");
    }

    [Fact]
    public void Empty_run_still_writes_the_header()
    {
        var r = Cli.Run("check", _tmp.Root, "--format", "csv", "--allow-empty");
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldBe(string.Join(',', CsvReporter.Columns) + "\r\n");
    }

    /// A writer that counts the writes reaching it (each write to Console.Out is a system call).
    private sealed class CountingWriter : StringWriter
    {
        public int Writes { get; private set; }
        public override void Write(char value) { Writes++; base.Write(value); }
        public override void Write(char[] buffer, int index, int count) { Writes++; base.Write(buffer, index, count); }
        public override void Write(ReadOnlySpan<char> buffer) { Writes++; base.Write(buffer); }
        public override void Write(string? value) { Writes++; base.Write(value); }
    }

    [Fact]
    public void Csv_reaches_its_writer_in_runs_not_a_character_at_a_time()
    {
        // Regression: the CRLF filter passed every character on by itself, one system call per byte on stdout.
        var writer = new CountingWriter();
        MetaLint.Cli.MetaLintCli.Run(["check", Cli.RepoPath("testdata", "sample-org"), "--format", "csv"], writer, new StringWriter());
        var csv = writer.ToString();
        csv.Length.ShouldBeGreaterThan(3000);
        writer.Writes.ShouldBeLessThan(csv.Length / 5);   // Sep writes a field and its separator at a time
        csv.ShouldBe(Cli.Run("check", Cli.RepoPath("testdata", "sample-org"), "--format", "csv").Out);
    }
}
