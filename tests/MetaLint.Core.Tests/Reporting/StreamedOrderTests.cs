using MetaLint.Core.Model;
using MetaLint.Core.Rules;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Reporting;

/// The streamed run's report order and fingerprints are those of one global sort and numbering (RuleEngine.Finalise)
/// in layouts where a unit's files are not contiguous in path order.
public sealed class StreamedOrderTests : IDisposable
{
    private readonly TempFolder _org = new("metalint-order-");

    public void Dispose() => _org.Dispose();

    private static string Set(string root, string body) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root} xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n{body}</{root}>\n";

    private static string Grant(string name) =>
        $"    <userPermissions>\n        <enabled>true</enabled>\n        <name>{name}</name>\n    </userPermissions>\n";

    /// Modify All on Account (ML1003) in a decomposed set's object file.
    private const string ModifyAll =
        "    <objectPermissions>\n        <allowDelete>true</allowDelete>\n        <allowEdit>true</allowEdit>\n" +
        "        <allowRead>true</allowRead>\n        <modifyAllRecords>true</modifyAllRecords>\n" +
        "        <object>Account</object>\n        <viewAllRecords>false</viewAllRecords>\n    </objectPermissions>\n";

    private List<Finding> Run(int jobs) =>
        Analyzer.Stream([_org.Root], new AnalysisOptions { Root = _org.Root, Jobs = jobs }).ToList();

    private static void ShouldBeGloballySorted(List<Finding> streamed)
    {
        var reference = RuleEngine.Finalise(streamed.Select(f => f with { FingerprintKey = "" }));
        streamed.Select(f => (f.Path, f.Span.StartLine, f.RuleId, f.FingerprintKey))
            .ShouldBe(reference.Select(f => (f.Path, f.Span.StartLine, f.RuleId, f.FingerprintKey)));
    }

    /// A whole permission set file (or a profile) inside a decomposed set's folder is its own component, and its
    /// path sorts between the set's own files: the set's findings must not all come before it.
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_component_inside_a_decomposed_sets_folder_keeps_its_place_in_report_order(int jobs)
    {
        const string dir = "force-app/main/default/permissionsets/Foo/";
        _org.Write("sfdx-project.json", "{\"packageDirectories\":[{\"path\":\"force-app\",\"default\":true}]}");
        _org.Write(dir + "Foo.permissionset-meta.xml", Set("PermissionSet", Grant("AuthorApex")));
        _org.Write(dir + "Zed.permissionset-meta.xml", Set("PermissionSet", Grant("ModifyAllData")));
        _org.Write(dir + "objectSettings/Account.objectSettings-meta.xml", Set("PermissionSet", ModifyAll));
        var streamed = Run(jobs);
        streamed.Select(f => f.Path).Distinct().ShouldBe(
            [dir + "Foo.permissionset-meta.xml", dir + "Zed.permissionset-meta.xml", dir + "objectSettings/Account.objectSettings-meta.xml"]);
        ShouldBeGloballySorted(streamed);
    }

    /// Discovery's own findings (ML0001 for entries a git snapshot refused, ML0002 for links out of the root) are
    /// merged into the stream at their place in report order, and number together with the files' findings of
    /// the same component (a refused Admin profile beside a readable one in another package).
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Discoverys_own_findings_merge_into_report_order_and_numbering(int jobs)
    {
        _org.Write("sfdx-project.json", "{\"packageDirectories\":[{\"path\":\"a\"},{\"path\":\"b\"},{\"path\":\"c\"}]}");
        var files = new List<SourceFile>();
        foreach (var package in new[] { "a", "c" })
            foreach (var name in new[] { "Admin", "Zeta" })
            {
                var relative = $"{package}/profiles/{name}.profile-meta.xml";
                var full = _org.Write(relative, Set("Profile", Grant("ModifyAllData") + Grant("AuthorApex")));
                files.Add(new SourceFile(full, relative, MetadataKind.Profile, name));
            }
        SourceLocation At(string relative, string name) =>
            new(new SourceFile(_org.Path(relative), relative, MetadataKind.Profile, name), SourceSpan.FileStart);
        var discovery = new MetaLint.Core.Discovery.DiscoveryResult(_org.Root, files, [])
        {
            Refused =
            [
                new ParseFailure(At("b/profiles/Admin.profile-meta.xml", "Admin"), "its name is not a safe path"),
                new ParseFailure(At("0/profiles/Admin.profile-meta.xml", "Admin"), "its name is not a safe path"),
                new ParseFailure(At("z/profiles/Admin.profile-meta.xml", "Admin"), "its name is not a safe path"),
            ],
            Symlinks = [new EscapingSymlink(At("a/profiles/Link.profile-meta.xml", "Link.profile-meta.xml"), "/etc/passwd")],
        };
        var streamed = Analyzer.Stream(discovery, new AnalysisOptions { Root = _org.Root, Jobs = jobs }).ToList();
        streamed.Count(f => f.RuleId == "ML0001").ShouldBe(3);
        streamed.Count(f => f.RuleId == "ML0002").ShouldBe(1);
        streamed[0].Path.ShouldBe("0/profiles/Admin.profile-meta.xml");
        streamed[^1].Path.ShouldBe("z/profiles/Admin.profile-meta.xml");
        ShouldBeGloballySorted(streamed);
    }
}
