using System.Text.RegularExpressions;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Meta;

/// docs/architecture.md stays true about the layout: what it names exists, and it names every Core folder.
public sealed partial class ArchitectureDocTests
{
    private static readonly string Doc = File.ReadAllText(Repo.Path("docs", "architecture.md"));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    private static IEnumerable<string> QuotedTexts() => Quoted().Matches(Doc).Select(m => m.Groups[1].Value);

    [Fact]
    public void Every_path_it_names_exists()
    {
        // A path is the first word of a quoted text holding '/'; a placeholder (<ID>) ends the part checked.
        var paths = QuotedTexts().Select(t => t.Split(' ')[0]).Where(t => t.Contains('/'))
            .Select(t => t.Split('<')[0].TrimEnd('/')).Distinct().ToList();
        paths.ShouldNotBeEmpty();
        paths.Where(p => !File.Exists(Repo.Path(p)) && !Directory.Exists(Repo.Path(p))).ShouldBeEmpty();
    }

    [Fact]
    public void Every_project_it_names_exists_and_every_src_project_is_named()
    {
        var named = Regex.Matches(Doc, @"src/(MetaLint\.[A-Za-z]+)").Select(m => m.Groups[1].Value).ToHashSet();
        var projects = Directory.GetDirectories(Repo.Path("src")).Select(Path.GetFileName).OfType<string>().ToHashSet();
        named.ShouldBe(projects, ignoreOrder: true);
    }

    [Fact]
    public void Every_core_folder_is_described()
    {
        var folders = Directory.GetDirectories(Repo.Path("src", "MetaLint.Core")).Select(Path.GetFileName)
            .OfType<string>().Where(f => f is not ("bin" or "obj"));
        folders.Where(f => !Doc.Contains($"src/MetaLint.Core/{f}`", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void The_folders_in_the_dependency_section_are_core_folders()
    {
        var section = Doc[Doc.IndexOf("## Who depends on what", StringComparison.Ordinal)..Doc.IndexOf("## Adding a rule", StringComparison.Ordinal)];
        var words = Quoted().Matches(section).Select(m => m.Groups[1].Value).Where(w => Regex.IsMatch(w, "^[A-Z][A-Za-z]*$")).ToList();
        words.ShouldNotBeEmpty();
        words.Where(w => !Directory.Exists(Repo.Path("src", "MetaLint.Core", w))).ShouldBeEmpty();
    }

    [Fact]
    public void The_readme_links_it()
    {
        File.ReadAllText(Repo.Path("README.md")).ShouldContain("(docs/architecture.md)");
    }
}
