using MetaLint.Core.Discovery;

namespace MetaLint.Core.Tests.Discovery;

/// Gitignore semantics of the compiled, non-backtracking matcher (.forceignore and rules.yml `exclude`).
public class IgnoreRulesTests
{
    [Theory]
    [InlineData("*.profile-meta.xml", "a/b/X.profile-meta.xml", false, true)]         // no slash: any depth
    [InlineData("X.profile-meta.xml", "X.profile-meta.xml", false, true)]
    [InlineData("/X.profile-meta.xml", "a/X.profile-meta.xml", false, false)]         // leading slash: anchored
    [InlineData("a/X.profile-meta.xml", "b/a/X.profile-meta.xml", false, false)]      // middle slash: anchored
    [InlineData("profiles/", "a/profiles", true, true)]                               // dir-only matches a folder
    [InlineData("profiles/", "a/profiles", false, false)]                             // ... not a file of that name
    [InlineData("profiles/", "a/profiles/X.profile", false, true)]                    // ... and what is inside it
    [InlineData("profiles", "a/profiles/X.profile", false, true)]                     // a matched folder hides its content
    [InlineData("**/Scratch*.profile-meta.xml", "Scratch1.profile-meta.xml", false, true)]
    [InlineData("**/Scratch*.profile-meta.xml", "x/y/Scratch1.profile-meta.xml", false, true)]
    [InlineData("a/**/b", "a/b", true, true)]
    [InlineData("a/**/b", "a/x/y/b", true, true)]
    [InlineData("a/**", "a/x/y", false, true)]
    [InlineData("a/**", "a", true, false)]
    [InlineData("*.xml", "a.xml/b", false, true)]                                     // folder named a.xml
    [InlineData("a*", "b/ca", false, false)]                                          // * never crosses a /
    [InlineData("a?c", "a/c", false, false)]                                          // ? never matches a /
    [InlineData("a?c", "abc", false, true)]
    [InlineData("[AB]dmin.profile", "Bdmin.profile", false, true)]
    [InlineData("[!A]dmin.profile", "Admin.profile", false, false)]
    [InlineData("[a-c]x", "bx", false, true)]
    [InlineData("[.-0]x", "a/x", false, false)]                                       // a range holding / never matches /
    [InlineData("[unclosed", "[unclosed", false, true)]                               // an unclosed [ is literal
    [InlineData("\\#hash", "#hash", false, true)]
    [InlineData("# comment", "# comment", false, false)]
    [InlineData("a.b", "axb", false, false)]                                          // regex characters are literal
    [InlineData("(a|b)+", "(a|b)+", false, true)]
    [InlineData("Admin.profile", "admin.profile", false, false)]                      // case-sensitive, as before
    public void One_pattern(string pattern, string path, bool isDirectory, bool ignored) =>
        new IgnoreRules([pattern]).IsIgnored(path, isDirectory).ShouldBe(ignored);

    [Fact]
    public void The_last_matching_pattern_wins_and_negation_re_includes()
    {
        var rules = new IgnoreRules(["*.profile", "!Admin.profile", "# x", ""]);
        rules.IsIgnored("p/Sales.profile", false).ShouldBeTrue();
        rules.IsIgnored("p/Admin.profile", false).ShouldBeFalse();
        new IgnoreRules(["!Admin.profile", "*.profile"]).IsIgnored("p/Admin.profile", false).ShouldBeTrue();
    }

    [Fact]
    public void A_file_in_an_ignored_folder_cannot_be_re_included()
    {
        var rules = new IgnoreRules(["profiles/", "!profiles/Admin.profile"]);
        rules.IsIgnored("profiles/Admin.profile", false).ShouldBeTrue();
        // During a walk the folder was already refused; the entry check alone sees the re-include.
        rules.IsIgnoredEntry("profiles/Admin.profile", false).ShouldBeFalse();
        new IgnoreRules(["profiles/*", "!profiles/Admin.profile"]).IsIgnored("profiles/Admin.profile", false).ShouldBeFalse();
    }

    [Fact]
    public void A_walk_checks_only_the_entry_itself()
    {
        var rules = new IgnoreRules(["profiles/"]);
        rules.IsIgnoredEntry("profiles", true).ShouldBeTrue();
        rules.IsIgnoredEntry("profiles/X.profile", false).ShouldBeFalse();
    }

    [Fact]
    public async Task A_backtracking_bomb_and_ten_thousand_lines_finish()
    {
        // 23 bytes that make a backtracking glob engine try every way to split the name among the stars, and
        // 10,000 lines of which every one is tried against the path; the test asserts completion, not timing.
        const string bomb = "*a*a*a*a*a*a*a*a*a*a*b/";
        bomb.Length.ShouldBe(23);
        var name = new string('a', 4000);
        var lines = Enumerable.Range(0, 10_000).Select(i => $"**/dir{i}/**/*a*a*a*.profile").Append(bomb).ToList();
        var task = Task.Run(() =>
        {
            var rules = new IgnoreRules(lines);
            return (rules.IsIgnored($"x/{name}/y/{name}.profile", false), rules.IsIgnored("x/dir9999/q/aaa.profile", false));
        });
        // WaitAsync throws TimeoutException when the matcher does not finish.
        (await task.WaitAsync(TimeSpan.FromMinutes(2))).ShouldBe((false, true));

        var negated = new IgnoreRules(lines.Select((l, i) => i % 2 == 0 ? l : "!" + l));
        var second = Task.Run(() => (negated.IsIgnored($"x/{name}/{name}/{name}.profile", false),
            negated.IsIgnored("x/dir9998/q/aaa.profile", false), negated.IsIgnored("x/dir9999/q/aaa.profile", false)));
        (await second.WaitAsync(TimeSpan.FromMinutes(2))).ShouldBe((false, true, false));
    }
}
