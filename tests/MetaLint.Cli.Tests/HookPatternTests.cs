using System.Text.RegularExpressions;
using MetaLint.Core.Discovery;
using MetaLint.Core.Model;

namespace MetaLint.Cli.Tests;

/// The pre-commit hook regexes (README's local hook, .pre-commit-hooks.yaml) and README's lint-staged globs must
/// hand MetaLint every file it reads: each suffix of the discovery table in both formats, and the children of
/// decomposed permission sets. A file the patterns miss is never checked before commit.
public sealed partial class HookPatternTests
{
    /// One repository-relative path per kind of file discovery reads.
    public static TheoryData<string> ReadFiles()
    {
        var data = new TheoryData<string>();
        foreach (var (suffix, kind) in SuffixTable.Suffixes)
        {
            var name = kind == MetadataKind.SecuritySettings ? "Security" : "Field Sales";
            foreach (var file in new[] { name + suffix, name + suffix + SuffixTable.SourceSuffix })
            {
                SuffixTable.Recognise(file).ShouldNotBeNull(file);
                data.Add($"force-app/main/default/x/{file}");
            }
        }
        data.Add("force-app/main/default/permissionsets/Ops/Ops.permissionset-meta.xml");
        data.Add("force-app/main/default/permissionsets/Ops/Ops.userPermission-meta.xml");
        data.Add("force-app/main/default/permissionsets/Ops/objectSettings/Account.objectSettings-meta.xml");
        data.Add("force-app/main/default/permissionsets/Ops/userPermissions/ModifyAllData.userPermission-meta.xml");
        data.Add("permissionsets/Ops/Ops.userPermission-meta.xml");
        return data;
    }

    private static readonly string Readme = File.ReadAllText(Cli.RepoPath("README.md")).ReplaceLineEndings("\n");

    [Theory, MemberData(nameof(ReadFiles))]
    public void Readme_local_hook_regex_matches(string path) =>
        Regex.IsMatch(path, YamlFiles(Readme.Substring(Readme.IndexOf("repo: local", StringComparison.Ordinal)))).ShouldBeTrue();

    [Theory, MemberData(nameof(ReadFiles))]
    public void Published_hook_regex_matches(string path) =>
        Regex.IsMatch(path, YamlFiles(File.ReadAllText(Cli.RepoPath(".pre-commit-hooks.yaml")))).ShouldBeTrue();

    [Theory, MemberData(nameof(ReadFiles))]
    public void Readme_lint_staged_globs_match(string path) =>
        LintStagedGlobs().ShouldContain(glob => Glob(glob).IsMatch(path), $"no lint-staged glob matches {path}");

    [Fact]
    public void Other_settings_files_are_not_handed_over() =>
        LintStagedGlobs().ShouldNotContain(glob => Glob(glob).IsMatch("force-app/main/default/settings/Account.settings-meta.xml"));

    /// The first `files: '...'` value.
    private static string YamlFiles(string text) => FilesLine().Match(text).Groups[1].Value.Replace("''", "'");

    private static List<string> LintStagedGlobs()
    {
        var block = Readme[Readme.IndexOf("\"lint-staged\": {", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("\n}", StringComparison.Ordinal)];
        var globs = GlobKey().Matches(block).Select(m => m.Groups[1].Value).ToList();
        globs.ShouldNotBeEmpty();
        return globs;
    }

    /// lint-staged's micromatch semantics for what README uses: a glob without '/' matches the file name anywhere;
    /// '**/' any folders (or none), '*' within one name, '{a,b}' alternatives.
    private static Regex Glob(string glob)
    {
        var re = new System.Text.StringBuilder(glob.Contains('/') ? "^" : "(^|/)");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i..].StartsWith("**/", StringComparison.Ordinal)) { re.Append("(.*/)?"); i += 2; }
            else if (glob[i] == '*') re.Append("[^/]*");
            else if (glob[i] == '{') re.Append('(');
            else if (glob[i] == '}') re.Append(')');
            else if (glob[i] == ',') re.Append('|');
            else re.Append(Regex.Escape(glob[i].ToString()));
        }
        return new Regex(re.Append('$').ToString());
    }

    [GeneratedRegex(@"files: '((?:[^']|'')*)'")]
    private static partial Regex FilesLine();

    [GeneratedRegex(@"^\s*""([^""]+)"":\s*""metalint check --staged""", RegexOptions.Multiline)]
    private static partial Regex GlobKey();
}
