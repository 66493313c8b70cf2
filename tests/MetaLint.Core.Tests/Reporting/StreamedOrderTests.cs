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
}
