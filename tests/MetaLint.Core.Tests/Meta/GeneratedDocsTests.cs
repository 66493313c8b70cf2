using MetaLint.Core.Reporting;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Meta;

/// The generated parts of the documentation match the catalogue (DocGenerator). Regenerate with
/// `eng/gen-docs` (METALINT_APPROVE=1 on this test: it writes every file that differs and still fails that run).
public class GeneratedDocsTests
{
    public static TheoryData<string> Paths => [.. DocGenerator.Files().Keys.Order(StringComparer.Ordinal)];

    [Theory, MemberData(nameof(Paths))]
    public void Generated_part_is_current(string path)
    {
        var expected = DocGenerator.Files()[path];
        var onDisk = DocGenerator.Read(path);
        if (onDisk == expected) return;
        if (Environment.GetEnvironmentVariable("METALINT_APPROVE") == "1")
        {
            File.WriteAllText(Repo.Path(path.Split('/')), expected);
            throw new Xunit.Sdk.XunitException($"{path} was regenerated from the catalogue; review the diff and rerun");
        }
        onDisk.ShouldBe(expected, $"{path} differs from what the catalogue generates; run eng/gen-docs");
    }

    [Fact]
    public void Retired_ids_are_listed_with_their_reason()
    {
        var markdown = RuleListing.Markdown([], new Dictionary<string, string> { ["ML1010"] = "merged into ML1006" });
        markdown.ShouldContain("| ML1010 | merged into ML1006 |");
        markdown.ShouldNotContain("Retired ids: none.");
    }

    [Fact]
    public void Sections_split_and_join_without_loss()
    {
        foreach (var path in Directory.GetFiles(Repo.Path("rules"), "ML*.md"))
        {
            var page = File.ReadAllText(path).ReplaceLineEndings("\n");
            string.Concat(DocGenerator.Sections(page).Select(s => s.Heading == null ? s.Body : $"## {s.Heading}\n{s.Body}"))
                .ShouldBe(page, path);
        }
    }
}
