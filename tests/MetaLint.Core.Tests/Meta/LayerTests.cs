using System.Text.RegularExpressions;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Meta;

/// The layers docs/architecture.md describes: Core has no console and no git, and its folders do not use each other
/// in circles.
public sealed partial class LayerTests
{
    private static string CoreSource => Repo.Path("src", "MetaLint.Core");

    [Fact]
    public void Core_references_only_parsing_yaml_and_sarif_libraries()
    {
        var referenced = typeof(Analyzer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        referenced.ShouldNotContain("Spectre.Console");
        referenced.ShouldNotContain("LibGit2Sharp");
        referenced.ShouldNotContain("System.Console");
        referenced.Where(n => !(n is "netstandard" or "System" || n.StartsWith("System.", StringComparison.Ordinal) ||
                                n.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)))
            .ShouldBeSubsetOf(["Newtonsoft.Json", "Sarif", "YamlDotNet", "DiffPlex"]);   // DiffPlex: ML1010 places a deleted grant
    }

    [Fact]
    public void Core_project_has_no_console_or_git_package()
    {
        var project = File.ReadAllText(Path.Combine(CoreSource, "MetaLint.Core.csproj"));
        project.ShouldNotContain("Spectre.Console");
        project.ShouldNotContain("LibGit2Sharp");
    }

    [GeneratedRegex(@"\bMetaLint\.Core\.([A-Z][A-Za-z]*)\b")]
    private static partial Regex CoreNamespace();

    /// Which Core folders each Core folder's sources name (usings and qualified names).
    private static Dictionary<string, HashSet<string>> FolderUses()
    {
        var folders = Directory.GetDirectories(CoreSource).Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        return folders.ToDictionary(f => f, f => Directory
            .EnumerateFiles(Path.Combine(CoreSource, f), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => CoreNamespace().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Where(used => used != f && folders.Contains(used))
            .ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Core_folders_use_each_other_without_cycles_but_the_suppression_knot()
    {
        // The knot docs/architecture.md names: a finding carries its suppression and the ML9xxx rules check the
        // suppression stage, which applies rules.yml exceptions (Rules -> Suppressions -> Configuration -> Rules).
        // Merged into one node, the rest must be acyclic; Rules -> Configuration itself stays out (below).
        string Node(string folder) => folder is "Suppressions" or "Configuration" ? "Rules" : folder;
        var edges = FolderUses()
            .SelectMany(kv => kv.Value.Select(used => (From: Node(kv.Key), To: Node(used))))
            .Where(e => e.From != e.To)
            .ToHashSet();
        var cycles = edges.Where(e => Reaches(e.To, e.From)).Select(e => $"{e.From} -> {e.To}").ToList();
        cycles.ShouldBeEmpty();

        bool Reaches(string from, string to, HashSet<string>? seen = null)
        {
            seen ??= [];
            if (from == to) return true;
            return seen.Add(from) && edges.Where(e => e.From == from).Any(e => Reaches(e.To, to, seen));
        }
    }

    [Theory]
    [InlineData("Baselines", "Rules")]       // ML1009's range size is the model's (Ipv4Range)
    [InlineData("Baselines", "Reporting")]   // JsonText is in IO
    [InlineData("Rules", "Configuration")]   // the engine reads RuleConfig through IRuleConfigSource
    [InlineData("Model", "Rules")]
    [InlineData("IO", "Model")]
    public void Lower_folder_does_not_use_higher_one(string lower, string higher) =>
        FolderUses()[lower].ShouldNotContain(higher);
}
