using MetaLint.Core.Discovery;
using MetaLint.Core.Model;
using MetaLint.Core.Tests.Support;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Discovery;

public sealed class DiscovererTests : IDisposable
{
    private readonly TempFolder _root = new("metalint-discovery-");

    public void Dispose() => _root.Dispose();

    private string Touch(string rel, string content = "<x/>")
    {
        var path = Path.Combine(_root.Root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("Admin.profile", nameof(MetadataKind.Profile), "Admin")]
    [InlineData("Admin.profile-meta.xml", nameof(MetadataKind.Profile), "Admin")]
    [InlineData("Ops.permissionset-meta.xml", nameof(MetadataKind.PermissionSet), "Ops")]
    [InlineData("G.permissionsetgroup", nameof(MetadataKind.PermissionSetGroup), "G")]
    [InlineData("M.mutingpermissionset-meta.xml", nameof(MetadataKind.MutingPermissionSet), "M")]
    [InlineData("Security.settings-meta.xml", nameof(MetadataKind.SecuritySettings), "Security")]
    [InlineData("X_profilePasswordPolicy1.profilePasswordPolicy", nameof(MetadataKind.ProfilePasswordPolicy), "X_profilePasswordPolicy1")]
    [InlineData("Force%2Ecom - App Subscription User.profile", nameof(MetadataKind.Profile), "Force.com - App Subscription User")]
    [InlineData("Caf%C3%A9 %E2%80%93 Team.profile-meta.xml", nameof(MetadataKind.Profile), "Café – Team")]
    public void Recognises_kinds_by_suffix_and_decodes_names(string file, string kind, string name)
    {
        var hit = SuffixTable.Recognise(file).ShouldNotBeNull();
        hit.Kind.ToString().ShouldBe(kind);   // by name: the enum is internal
        SuffixTable.DecodeName(hit.RawName).ShouldBe(name);
    }

    [Theory]
    [InlineData("package.xml")]
    [InlineData("Account.settings-meta.xml")]
    [InlineData("Account.object-meta.xml")]
    [InlineData(".profile")]
    public void Ignores_other_files(string file) => SuffixTable.Recognise(file).ShouldBeNull();

    [Fact]
    public void Honours_package_directories_and_forceignore()
    {
        Touch("sfdx-project.json", """{ "packageDirectories": [ { "path": "force-app", "default": true } ] }""");
        Touch(".forceignore", "# comment\n**/Scratch*.profile-meta.xml\n");
        Touch("force-app/main/default/profiles/Admin.profile-meta.xml");
        Touch("force-app/main/default/profiles/Scratch Admin.profile-meta.xml");
        Touch("other/profiles/Outside.profile-meta.xml");
        var result = new Discoverer().Discover(_root.Root, [_root.Root]);
        result.Files.Select(f => f.RelativePath).ShouldBe(["force-app/main/default/profiles/Admin.profile-meta.xml"]);
    }

    [Fact]
    public void A_project_in_a_sub_folder_keeps_its_forceignore_and_package_directories_under_another_root()
    {
        Touch("proj/sfdx-project.json", """{ "packageDirectories": [ { "path": "force-app" } ] }""");
        Touch("proj/.forceignore", "**/Scratch*.profile-meta.xml\n");
        Touch("proj/force-app/profiles/Admin.profile-meta.xml");
        Touch("proj/force-app/profiles/Scratch Admin.profile-meta.xml");
        Touch("proj/other/Outside.profile-meta.xml");
        var result = new Discoverer(["**/Nothing/**"]).Discover(_root.Root, [Path.Combine(_root.Root, "proj")]);
        result.Files.Select(f => f.RelativePath).ShouldBe(["proj/force-app/profiles/Admin.profile-meta.xml"]);
    }

    [Fact]
    public void Rules_yml_excludes_apply_on_top_of_forceignore_and_to_explicit_files()
    {
        var kept = Touch("src/profiles/Admin.profile");
        var excluded = Touch("src/Referenced Packages/pkg/permissionsets/P.permissionset");
        var result = new Discoverer(["**/Referenced Packages/**"]).Discover(_root.Root, [kept, excluded]);
        result.Files.Select(f => f.RelativePath).ShouldBe(["src/profiles/Admin.profile"]);
    }

    [Fact]
    public void Decomposed_sets_in_both_layouts_belong_to_the_folder_named_set()
    {
        Touch("permissionsets/Lead/Lead.permissionset-meta.xml");
        Touch("permissionsets/Lead/Lead.userPermission-meta.xml");
        Touch("permissionsets/Lead/objectSettings/Case.objectSettings-meta.xml");
        Touch("permissionSets/Ops/userPermissions/ModifyAllData.userPermission-meta.xml");
        Touch("permissionsets/Plain.permissionset-meta.xml");
        var files = new Discoverer().Discover(_root.Root, [_root.Root]).Files;
        files.Where(f => f.DecomposedSet == "permissionsets/Lead").Select(f => f.ComponentName).Distinct().ShouldBe(["Lead"]);
        files.Count(f => f.DecomposedSet == "permissionsets/Lead").ShouldBe(3);
        files.Single(f => f.RelativePath.EndsWith("ModifyAllData.userPermission-meta.xml", StringComparison.Ordinal)).ComponentName.ShouldBe("Ops");
        files.Single(f => f.RelativePath == "permissionsets/Plain.permissionset-meta.xml").DecomposedSet.ShouldBeNull();
    }

    [Fact]
    public void Whole_permission_sets_in_a_sub_folder_stay_separate_sets()
    {
        Touch("permissionsets/sales/A.permissionset-meta.xml");
        Touch("permissionsets/sales/B.permissionset-meta.xml");
        var files = new Discoverer().Discover(_root.Root, [_root.Root]).Files;
        files.Select(f => (f.ComponentName, f.DecomposedSet)).ShouldBe([("A", (string?)null), ("B", null)]);
    }

    [Fact]
    public void Root_is_the_folder_with_sfdx_project_json()
    {
        Touch("sfdx-project.json", "{}");
        var profile = Touch("force-app/profiles/A.profile");
        Discoverer.FindRoot([profile]).ShouldBe(_root.Root);
        Discoverer.FindRoot([Path.Combine(_root.Root, "force-app")]).ShouldBe(_root.Root);
    }

    [Fact]
    public void Missing_paths_are_warnings_not_crashes()
    {
        var result = new Discoverer().Discover(_root.Root, [Path.Combine(_root.Root, "nope")]);
        result.Files.ShouldBeEmpty();
        result.Warnings.ShouldHaveSingleItem().ShouldContain("path not found");
    }

    [Fact]
    public void Symlinked_folders_are_not_followed()
    {
        Touch("a/A.profile");
        Directory.CreateSymbolicLink(Path.Combine(_root.Root, "a", "loop"), _root.Root);
        new Discoverer().Discover(_root.Root, [_root.Root]).Files.Select(f => f.RelativePath).ShouldBe(["a/A.profile"]);
    }

    [Fact]
    public void Sample_org_forceignored_profile_and_manifest_are_not_analysed()
    {
        var root = Repo.Path("testdata", "sample-org");
        var files = new Discoverer().Discover(root, [root]).Files.Select(f => f.RelativePath).ToList();
        files.ShouldNotContain(f => f.Contains("Scratch Sandbox Admin"));
        files.ShouldNotContain(f => f.Contains("package.xml"));
        files.ShouldContain("force-app/main/default/profiles/Ops%2FSupport Admin.profile-meta.xml");
    }
}
