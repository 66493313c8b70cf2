using MetaLint.Core.Model;
using MetaLint.Core.Reporting;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Meta;

/// Every rule is complete: descriptor, doc page with the template's sections, fixtures, a working help link.
public class RuleCatalogTests
{
    private static readonly string[] Sections = ["What", "Why it matters", "How to fix", "Example", "Configuration", "Suppression"];

    private static readonly Dictionary<RuleCategory, string[]> Ranges = new()
    {
        [RuleCategory.Parsing] = ["ML0"],
        [RuleCategory.Permissions] = ["ML1"],
        [RuleCategory.Packaging] = ["ML2"],
        [RuleCategory.Settings] = ["ML31", "ML32", "ML33"],
        [RuleCategory.Suppressions] = ["ML9"],
    };

    public static TheoryData<string> Ids => [.. RuleCatalog.All.Select(r => r.Descriptor.Id)];

    [Theory, MemberData(nameof(Ids))]
    public void Rule_is_complete(string id)
    {
        var rule = RuleCatalog.Get(id);
        var d = rule.Descriptor;
        d.Id.ShouldMatch("^ML[0-9]{4}$");
        Ranges[d.Category].ShouldContain(prefix => d.Id.StartsWith(prefix));
        d.Name.ShouldMatch("^[A-Z][A-Za-z0-9]+$");
        d.Title.ShouldNotEndWith(".");
        d.Description.ShouldNotBeNullOrWhiteSpace();
        // A family (ML1001/ML1002/ML1007, ML3xxx) is one class over a table; every other rule class carries its id.
        if (RuleCatalog.All.Count(r => r.GetType() == rule.GetType()) == 1) rule.GetType().Name.ShouldStartWith(id);

        var page = File.ReadAllText(Repo.Path(d.DocPath)).ReplaceLineEndings("\n");
        (d.Description + page).ShouldNotContain("TODO", Case.Sensitive, "eng/new-rule left a TODO to fill in");
        page.ShouldStartWith($"# {id}: {d.Title}\n");
        page.ShouldContain($"| {d.DefaultLevel.ToText()} | {d.SecuritySeverityText ?? "-"} |");
        var at = 0;
        foreach (var h in Sections)
        {
            var next = page.IndexOf($"\n## {h}\n", StringComparison.Ordinal);
            next.ShouldBeGreaterThan(at, $"section '## {h}' missing or out of order in {d.DocPath}");
            at = next;
        }
        foreach (var key in rule.OptionKeys) page.ShouldContain($"`{key}`");

        // The help link is the single base URI plus a file that exists in this repository.
        d.HelpUri.ShouldStartWith(RuleDescriptor.DocsBaseUri);
        File.Exists(Repo.Path(d.HelpUri[RuleDescriptor.DocsBaseUri.Length..])).ShouldBeTrue(d.HelpUri);
        RuleDocs.Markdown(id).ShouldBe(page, "the embedded page must be the page in rules/");

        foreach (var kind in new[] { "fires", "clean" })
            Directory.EnumerateFiles(Repo.Path("testdata", "rules", id, kind), "*", SearchOption.AllDirectories)
                .ShouldNotBeEmpty($"{id} needs {kind} fixtures");
    }

    [Theory, MemberData(nameof(Ids))]
    public void Rule_is_silent_on_empty_components(string id)
    {
        var rule = RuleCatalog.Get(id);
        var file = new SourceFile("/x", "x", MetadataKind.Profile, "Empty");
        var findings = new List<Finding>();
        foreach (var kind in Enum.GetValues<MetadataKind>())
        {
            var engine = new RuleEngine([rule], MetaLint.Core.Configuration.MetaLintConfig.Default);
            var model = new MetadataModel();
            model.PermissionContainers.Add(new PermissionContainer(kind, "Empty"));
            findings.AddRange(engine.Run(model));
        }
        var settings = new MetadataModel();
        settings.Settings.Add(new SecuritySettings(file with { Kind = MetadataKind.SecuritySettings }));
        settings.Settings.Add(new ProfilePasswordPolicy(file with { Kind = MetadataKind.ProfilePasswordPolicy }));
        settings.Settings.Add(new ProfileSessionSetting(file with { Kind = MetadataKind.ProfileSessionSetting }));
        findings.AddRange(new RuleEngine([rule], MetaLint.Core.Configuration.MetaLintConfig.Default).Run(settings));
        findings.ShouldBeEmpty();
    }

    [Fact]
    public void Ids_are_unique_sorted_and_every_rule_class_is_registered()
    {
        var ids = RuleCatalog.All.Select(r => r.Descriptor.Id).ToList();
        ids.ShouldBeUnique();
        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
        ids.ShouldNotContain(i => RuleCatalog.Retired.ContainsKey(i));
        RuleCatalog.All.Select(r => r.Descriptor.Name).ShouldBeUnique();

        Directory.GetFiles(Repo.Path("rules"), "ML*.md").Select(Path.GetFileNameWithoutExtension)
            .ShouldBe(ids, ignoreOrder: true);
        typeof(IRule).Assembly.GetTypes()
            .Where(t => t.IsAssignableTo(typeof(IRule)) && !t.IsAbstract && !t.IsInterface)
            .ShouldAllBe(t => RuleCatalog.All.Any(r => r.GetType() == t));
    }
}
