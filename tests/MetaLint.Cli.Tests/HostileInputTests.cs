using System.Net;
using System.Net.Sockets;
using MetaLint.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MetaLint.Cli.Tests;

/// `metalint check` over hostile input: exit 0 or 1, one ML0001 per broken file, nothing leaked or fetched.
public sealed class HostileInputTests : IDisposable
{
    private static readonly string Hostile = Cli.RepoPath("testdata", "hostile");
    private readonly TempFolder _tmp = new("metalint-hostile-");

    public void Dispose() => _tmp.Dispose();

    public static TheoryData<string> Fixtures => [.. Directory.GetFiles(Hostile, "*-meta.xml").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    private static int BrokenCount => File.ReadAllLines(Path.Combine(Hostile, "expect.txt"))
        .Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Hostile_folder_exits_1_with_one_ML0001_per_broken_file_and_leaks_nothing(string format)
    {
        var r = Cli.Run("check", Hostile, "--format", format);

        r.ExitCode.ShouldBe(1);
        r.Error.ShouldBeEmpty();
        r.Out.ShouldNotContain("root:x:0");   // xxe-passwd points an entity at /etc/passwd
        if (format == "sarif")
        {
            var results = (JArray)JObject.Parse(r.Out)["runs"]![0]!["results"]!;
            results.Count(x => (string?)x["ruleId"] == "ML0001").ShouldBe(BrokenCount);
            results.ShouldContain(x => (string?)x["ruleId"] == "ML1006");   // the good files grant ManageUsers
        }
    }

    /// chmod 000 stops reads only without CAP_DAC_OVERRIDE. As root (CI containers) the check runs in a child
    /// process that setpriv strips of the file-permission capabilities, so the test runs everywhere but Windows.
    [Fact]
    public void Unreadable_file_is_one_ML0001_and_its_neighbours_are_analysed_even_as_root()
    {
        if (OperatingSystem.IsWindows()) return;   // chmod 000 has no meaning there
        var profile = Cli.RepoPath("testdata", "rules", "ML1001", "fires", "admin.profile-meta.xml");
        File.Copy(profile, _tmp.Path("good.profile-meta.xml"));
        var locked = _tmp.Path("locked.profile-meta.xml");
        File.Copy(profile, locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);

        string[] args = ["check", _tmp.Root, "--format", "json", "--fail-on", "never"];
        var json = geteuid() == 0 ? WithoutDacCapabilities(args) : Cli.Run(args).Out;

        var findings = JObject.Parse(json)["findings"]!;
        var failure = findings.Where(f => (string?)f["path"] == "locked.profile-meta.xml").ShouldHaveSingleItem();
        ((string?)failure["ruleId"]).ShouldBe("ML0001");
        ((string)failure["message"]!).ShouldContain("permission denied");
        findings.ShouldContain(f => (string?)f["path"] == "good.profile-meta.xml" && (string?)f["ruleId"] == "ML1001");
    }

    private static string WithoutDacCapabilities(string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "metalint.dll");
        var start = new System.Diagnostics.ProcessStartInfo("setpriv")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in (string[])["--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all", "--", "dotnet", "exec", cli, .. args])
            start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)
            ?? throw new InvalidOperationException("setpriv (util-linux) is needed to drop CAP_DAC_OVERRIDE when tests run as root");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, stderr);
        return stdout.Result;
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();

    [Theory, MemberData(nameof(Fixtures))]
    public void Each_fixture_alone_exits_0_or_1_without_a_stack_trace(string fixture)
    {
        var r = Cli.Run("check", Path.Combine(Hostile, fixture), "--root", Hostile, "--format", "json");

        r.ExitCode.ShouldBeOneOf(0, 1);
        r.Error.ShouldBeEmpty();
        var findings = (JArray)JObject.Parse(r.Out)["findings"]!;
        findings.ShouldNotBeEmpty();
        findings.Count(f => (string?)f["ruleId"] == "ML0001").ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Parallel_and_serial_runs_write_byte_identical_reports()
    {
        var serial = Cli.Run("check", Hostile, "--format", "sarif", "--jobs", "1");
        var parallel = Cli.Run("check", Hostile, "--format", "sarif", "--jobs", "8");
        parallel.Out.ShouldBe(serial.Out);
    }

    [Fact]
    public void Nothing_is_fetched_from_urls_in_doctypes_entities_schema_locations_stylesheets_or_xincludes()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/metalint";
            const string ns = "http://soap.sforce.com/2006/04/metadata";
            const string grant = "<userPermissions><enabled>true</enabled><name>ModifyAllData</name></userPermissions>";
            Write("dtd.profile-meta.xml", $"<!DOCTYPE Profile SYSTEM \"{url}/a.dtd\">\n<Profile xmlns=\"{ns}\">{grant}</Profile>");
            Write("entity.profile-meta.xml", $"<!DOCTYPE Profile [<!ENTITY e SYSTEM \"{url}/e.xml\">]>\n<Profile xmlns=\"{ns}\">&e;{grant}</Profile>");
            Write("param-entity.profile-meta.xml", $"<!DOCTYPE Profile [<!ENTITY % p SYSTEM \"{url}/p.dtd\"> %p;]>\n<Profile xmlns=\"{ns}\">{grant}</Profile>");
            Write("schema.profile-meta.xml",
                $"<Profile xmlns=\"{ns}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"{ns} {url}/s.xsd\">{grant}</Profile>");
            Write("stylesheet.profile-meta.xml", $"<?xml-stylesheet type=\"text/xsl\" href=\"{url}/s.xsl\"?>\n<Profile xmlns=\"{ns}\">{grant}</Profile>");
            Write("xinclude.profile-meta.xml",
                $"<Profile xmlns=\"{ns}\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"{url}/x.xml\"/>{grant}</Profile>");

            var r = Cli.Run("check", _tmp.Root, "--format", "json");

            listener.Pending().ShouldBeFalse("MetaLint opened a connection to a URL found in the input");
            r.ExitCode.ShouldBe(1);
            var findings = (JArray)JObject.Parse(r.Out)["findings"]!;
            string[] Files(string rule) => [.. findings.Where(f => (string?)f["ruleId"] == rule).Select(f => (string)f["path"]!).Order(StringComparer.Ordinal)];
            Files("ML0001").ShouldBe(["dtd.profile-meta.xml", "entity.profile-meta.xml", "param-entity.profile-meta.xml"]);
            Files("ML1001").ShouldBe(["schema.profile-meta.xml", "stylesheet.profile-meta.xml", "xinclude.profile-meta.xml"]);
        }
        finally { listener.Stop(); }
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_tmp.Root, name), content);

    [Fact]
    public void Repository_text_in_stderr_messages_cannot_drive_the_terminal()
    {
        // sfdx-project.json names a package folder whose name carries ESC (erase line) and CR: the warning that
        // quotes it must show them as escapes, not send them to the terminal.
        File.WriteAllText(Path.Combine(_tmp.Root, "sfdx-project.json"),
            "{\"packageDirectories\":[{\"path\":\"gone\\u001b[2K\\rmetalint: No problems found\",\"default\":true}]}");
        var r = Cli.Run("check", _tmp.Root);
        r.Error.ShouldContain("gone\\u001B[2K\\u000Dmetalint: No problems found");
        r.Error.Where(c => char.IsControl(c) && c != '\n').ShouldBeEmpty();
    }
}
