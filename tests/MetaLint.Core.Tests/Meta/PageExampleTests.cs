using System.Text.RegularExpressions;
using MetaLint.Core.Rules;
using MetaLint.Core.Tests.Support;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Meta;

/// Each page's Example runs: the file named above the block, with the `<!-- before -->` part, gives a finding of
/// the rule; with the `<!-- after -->` part it gives none.
public partial class PageExampleTests
{
    /// Pages whose example is not a whole file (a fragment, or a rules.yml setup); each says why.
    private static readonly Dictionary<string, string> NotAFile = new()
    {
        ["ML0002"] = "the example is a symbolic link, shown as shell commands; the fixtures and ContainmentTests build links",
        ["ML1010"] = "the example compares two versions of a file: the base, a change that fires, a change that is silent",
        ["ML9001"] = "the example is a fragment of a profile showing the comment forms",
        ["ML9002"] = "the example needs an expired rules.yml exception, shown as a comment",
        ["ML9003"] = "the example needs a rules.yml policy, shown as a comment",
    };

    public static TheoryData<string> Ids => [.. RuleCatalog.All.Select(r => r.Descriptor.Id)];

    [Theory, MemberData(nameof(Ids))]
    public void Example_before_fires_and_after_is_silent(string id)
    {
        var example = DocGenerator.Sections(DocGenerator.Read(RuleCatalog.Get(id).Descriptor.DocPath))
            .Single(s => s.Heading == "Example").Body;
        var m = FileExample().Match(example);
        if (NotAFile.ContainsKey(id))
        {
            m.Success.ShouldBeFalse($"{id}'s example is now a whole file: remove it from {nameof(NotAFile)}");
            return;
        }
        m.Success.ShouldBeTrue($"{id}: Example must name the file (`path`:) above an xml block with <!-- before --> and <!-- after -->");
        Findings(id, m.Groups["path"].Value, m.Groups["before"].Value).ShouldNotBeEmpty($"{id}: the example's before part gives no finding");
        Findings(id, m.Groups["path"].Value, m.Groups["after"].Value).ShouldBeEmpty($"{id}: the example's after part still gives a finding");
    }

    private static List<string> Findings(string id, string path, string xml)
    {
        using var temp = new TempFolder("metalint-example-");
        temp.Write(path, xml);
        return [.. Run.Folder(temp.Root, only: id).Findings.Where(f => f.RuleId == id).Select(f => $"{f.Span.StartLine}: {f.Message}")];
    }

    [GeneratedRegex(@"^`(?<path>[^`]+)`:\n\n```xml\n<!-- before -->\n(?<before>.*?)<!-- after -->\n(?<after>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FileExample();
}
