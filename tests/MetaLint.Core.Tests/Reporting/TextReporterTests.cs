using MetaLint.Cli.Terminal;
using MetaLint.Core.Reporting;
using MetaLint.Core.Tests.Support;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Reporting;

/// The text report shows repository-controlled names safely and the same way with and without colour.
public sealed class TextReporterTests : IDisposable
{
    private readonly TempFolder _root = new("metalint-text-");

    public void Dispose() => _root.Dispose();

    private const string Grant =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
        "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</Profile>\n";

    private (string Plain, string Colored) Render()
    {
        var r = Run.Folder(_root.Root);
        string Write(bool color)
        {
            var w = new StringWriter { NewLine = "\r\n" };   // the report's own line ends do not follow the writer
            new TextReporter(color).Write(new Report(r.Findings, r.Rules, r.Discovery.Files.Count), w);
            return w.ToString();
        }
        return (Write(false), Write(true));
    }

    private static string StripAnsi(string s) => System.Text.RegularExpressions.Regex.Replace(s, "\u001b\\[[0-9;]*m", "");

    [Fact]
    public void Control_characters_and_line_separators_in_names_are_escaped_in_both_sinks()
    {
        // "%0D" decodes to CR in the component name; a raw ESC, U+2028 and a right-to-left override sit in the
        // file name itself.
        File.WriteAllText(Path.Combine(_root.Root, "Evil%0D\u001b[2K\u2028\u202EAdmin.profile-meta.xml"), Grant);
        var (plain, colored) = Render();

        plain.ShouldContain("Profile 'Evil\\u000D\\u001B[2K\\u2028\\u202EAdmin' grants Modify All Data (ModifyAllData)");
        plain.ShouldNotContain("\r");
        plain.Where(c => char.IsControl(c) && c != '\n').ShouldBeEmpty();
        plain.Count(c => c == '\n').ShouldBe(4);   // path, finding, blank line, summary
        StripAnsi(colored).ShouldBe(plain);
    }

    [Fact]
    public void Very_long_lines_are_never_wrapped_in_either_sink()
    {
        var id = "ML" + new string('9', 150_000);
        File.WriteAllText(Path.Combine(_root.Root, "Admin.profile-meta.xml"),
            Grant.Replace("        <name>", $"        <!-- metalint-disable-next-line {id}: reason -->\n        <name>"));
        var (plain, colored) = Render();

        plain.Split('\n').ShouldContain(line => line.Contains(id) && line.Contains("ML9001"));
        StripAnsi(colored).ShouldBe(plain);
    }
}
