using System.Text;
using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;
using MetaLint.Core.Discovery;
using MetaLint.Core.IO;

namespace MetaLint.Core.Tests.Limits;

/// The configuration loaders (rules.yml, .forceignore, baselines) over hostile files: one clear error each.
public sealed class LoaderLimitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("metalint-limits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Link(string name, string target)
    {
        var path = Path.Combine(_dir, name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    private string Oversize(string name)
    {
        var path = Path.Combine(_dir, name);
        using var f = File.Create(path);
        f.SetLength(InputFile.DefaultConfigLimit + 1);   // sparse: no disk used
        return path;
    }

    [Fact]
    public void Rules_yml_that_is_a_device_or_oversize_is_refused_unread()
    {
        Should.Throw<ConfigException>(() => ConfigLoader.Load(Link("rules.yml", "/dev/zero")))
            .Message.ShouldContain("not a regular file");
        Should.Throw<ConfigException>(() => ConfigLoader.Load(Oversize("big.yml")))
            .Message.ShouldContain("over the 8,388,608-byte limit");
    }

    [Fact]
    public void Baseline_that_is_a_device_or_oversize_is_refused_unread()
    {
        Should.Throw<BaselineException>(() => BaselineLoader.Load(Link("b.xml", "/dev/zero")))
            .Message.ShouldContain("not a regular file");
        Should.Throw<BaselineException>(() => BaselineLoader.Load(Oversize("b.json")))
            .Message.ShouldContain("limit");
    }

    [Fact]
    public void Forceignore_that_is_a_device_is_refused_and_a_missing_one_ignores_nothing()
    {
        IgnoreRules.ForceIgnore(_dir).IsIgnored("a/b.profile", false).ShouldBeFalse();
        Link(".forceignore", "/dev/zero");
        Should.Throw<InputFileException>(() => IgnoreRules.ForceIgnore(_dir)).Message.ShouldContain(".forceignore");
    }

    [Fact]
    public void Forceignore_patterns_are_read_through_the_bounded_reader()
    {
        File.WriteAllText(Path.Combine(_dir, ".forceignore"), "# c\r\n**/Scratch*\r\n");
        IgnoreRules.ForceIgnore(_dir).IsIgnored("x/Scratch1.profile", false).ShouldBeTrue();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deeply_nested_rules_yml_is_an_error_not_a_stack_overflow(bool flow)
    {
        // ~100 KB of nesting: building YAML nodes recurses, so without the limit this ends the process.
        var yaml = new StringBuilder("rules:\n");
        if (flow) yaml.Append(' ', 2).Append(string.Concat(Enumerable.Repeat("{a: ", 25_000)));
        else for (var i = 1; i < 440; i++) yaml.Append(' ', i).Append("a:\n");
        yaml.Length.ShouldBeGreaterThan(90_000);
        var e = Should.Throw<ConfigException>(() => ConfigLoader.Parse(yaml.ToString(), "rules.yml"));
        e.Problem.ShouldContain($"deeper than {ConfigLoader.MaxDepth} levels");
    }

    [Theory]
    [InlineData("exclude: &x [a]\n", "anchors (&x) are not allowed")]
    [InlineData("a: &x [a]\nexclude: *x\n", "anchors")]
    [InlineData("exclude:\n  - *x\n", "x")]   // an undefined alias is YAML's own error
    public void Anchors_and_aliases_are_refused(string yaml, string message) =>
        Should.Throw<ConfigException>(() => ConfigLoader.Parse(yaml, "rules.yml")).Message.ShouldContain(message);

    [Fact]
    public void Alias_bomb_is_refused_at_its_first_anchor()
    {
        var yaml = new StringBuilder("a0: &a0 [\"**/x\"]\n");
        for (var i = 1; i < 30; i++)
            yaml.Append($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        Should.Throw<ConfigException>(() => ConfigLoader.Parse(yaml.ToString(), "rules.yml")).Line.ShouldBe(1);
    }

    private static BaselineException JsonError(string json) =>
        Should.Throw<BaselineException>(() => BaselineLoader.Parse(Encoding.UTF8.GetBytes(json), "b.json", "b.json"));

    [Fact]
    public void Json_baseline_with_a_lone_surrogate_is_a_clear_error()
    {
        JsonError("""[{"setting":"\uD800","riskType":"HIGH_RISK","standardValue":"1"}]""")
            .Problem.ShouldContain("lone UTF-16 surrogate");
        JsonError("""[{"\uDC00":"x","setting":"SessionTimeout","riskType":"HIGH_RISK","standardValue":"1"}]""")
            .Problem.ShouldContain("lone UTF-16 surrogate");
    }

    [Fact]
    public void Json_baseline_numbers_out_of_range_and_deep_nesting_are_clear_errors()
    {
        JsonError("""[{"setting":"SessionTimeout","riskType":"HIGH_RISK","standardValue":1e999}]""")
            .Problem.ShouldContain("out of range");
        JsonError("[" + new string('[', 10_000) + new string(']', 10_000) + "]").Problem.ShouldContain("not valid JSON");
    }
}
