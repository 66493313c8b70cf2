using CsCheck;
using MetaLint.Core.Discovery;
using MetaLint.Core.Model;
using MetaLint.Core.Rules;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Properties;

/// Property tests over generated components: findings match what was planted, whatever the layout.
public sealed class FindingPropertyTests
{
    private const int Iterations = 150;

    private static string Suffix(MetadataKind kind) => kind switch
    {
        MetadataKind.Profile => ".profile-meta.xml",
        MetadataKind.PermissionSet => ".permissionset-meta.xml",
        _ => ".mutingpermissionset-meta.xml",
    };

    /// Writes files into a fresh folder, runs the whole pipeline, and cleans up.
    private static IReadOnlyList<Finding> Analyse(IEnumerable<(string Path, string Text)> files)
    {
        using var temp = new TempFolder("metalint-prop-");
        foreach (var (path, text) in files) temp.Write(path, text);
        return Analyzer.Run([temp.Root], new AnalysisOptions { Root = temp.Root, Jobs = 1 }).Findings;
    }

    private static IReadOnlyList<Finding> AnalyseSingle(PlantedComponent c, Layout layout) =>
        Analyse([($"force-app/{c.Name}{Suffix(c.Kind)}", layout.Write(c.Root, c.Blocks()))]);

    private static List<string> Identity(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.RuleId}|{f.ComponentKind}|{f.ComponentName}|{f.Subject}|{f.Fingerprint}|{f.Message}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Findings_equal_what_the_generator_planted()
    {
        PlantedComponent.Generator.Sample(c =>
        {
            var text = Layout.Canonical.Write(c.Root, c.Blocks());
            var findings = AnalyseSingle(c, Layout.Canonical);

            findings.Select(f => (f.RuleId, f.Subject)).Order().ShouldBe(c.Expected());
            // Every finding starts on an element: at a '<' of the line it names.
            var lines = text.Split('\n');
            foreach (var f in findings)
                lines[f.Span.StartLine - 1][f.Span.StartColumn - 1].ShouldBe('<', $"{f.RuleId} at {f.Span}");
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Reordering_comments_whitespace_and_line_ends_change_no_finding_or_fingerprint()
    {
        Gen.Select(PlantedComponent.Generator, Layout.Generator).Sample((c, layout) =>
        {
            var expected = Identity(AnalyseSingle(c, Layout.Canonical));
            Identity(AnalyseSingle(c, layout)).ShouldBe(expected);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Decomposed_beta2_layout_gives_the_same_findings_and_fingerprints()
    {
        Gen.Select(PlantedComponent.Generator.Where(c => c.Kind == MetadataKind.PermissionSet), Layout.Generator).Sample((c, layout) =>
        {
            var expected = Identity(AnalyseSingle(c, Layout.Canonical));
            Identity(Analyse(Decompose(c, layout))).ShouldBe(expected);
        }, iter: Iterations / 2, threads: 1);
    }

    /// Splits a permission set the way `decomposePermissionSetBeta2` does: a namespaced set file with the scalar
    /// fields, one namespace-less file per child type, and one objectSettings file per object.
    private static IEnumerable<(string, string)> Decompose(PlantedComponent c, Layout layout)
    {
        var dir = $"force-app/permissionsets/{c.Name}";
        var own = new List<List<string>> { new() { $"<label>{c.Name}</label>" } };
        if (c.License != null) own.Add([$"<license>{c.License}</license>"]);
        yield return ($"{dir}/{c.Name}.permissionset{SuffixTable.SourceSuffix}", layout.Write("PermissionSet", own));
        if (c.Permissions.Length > 0)
            yield return ($"{dir}/{c.Name}.userPermission{SuffixTable.SourceSuffix}",
                layout.Write("PermissionSet", c.Permissions.Select(PlantedComponent.PermissionBlock).ToList(), withNamespace: false));
        foreach (var o in c.Objects)
            yield return ($"{dir}/objectSettings/{o.Object}.objectSettings{SuffixTable.SourceSuffix}",
                layout.Write("PermissionSet", [PlantedComponent.ObjectBlock(o)], withNamespace: false));
        if (c.Filler > 0)
            yield return ($"{dir}/{c.Name}.classAccess{SuffixTable.SourceSuffix}",
                layout.Write("PermissionSet", [["<classAccesses>", "<apexClass>C0</apexClass>", "<enabled>true</enabled>", "</classAccesses>"]], withNamespace: false));
    }
}
