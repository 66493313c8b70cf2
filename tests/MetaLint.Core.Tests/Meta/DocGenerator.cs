using System.Text;
using System.Text.RegularExpressions;
using MetaLint.Core.Reporting;
using MetaLint.Core.Rules;
using MetaLint.Core.Rules.Permissions;
using MetaLint.Core.Rules.Settings;
using MetaLint.Core.Tests.Support;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Meta;

/// Rewrites the generated parts of the documentation from the rule catalogue: each page's header table, the
/// Configuration section (and for settings rules the Suppression section and the shared end of What), the rules
/// table in README.md, rules/README.md, and ML1006's default list in rules.yml and its page. Everything else on a
/// page is hand-written and kept. GeneratedDocsTests fails on any difference; with METALINT_APPROVE=1 it writes.
internal static class DocGenerator
{
    /// Repository-relative path -> the content the catalogue says it should have.
    public static IReadOnlyDictionary<string, string> Files()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.All)
        {
            var path = rule.Descriptor.DocPath;
            files[path] = Page(rule, Read(path));
        }
        files["rules/README.md"] = RuleListing.Markdown(RuleCatalog.All, RuleCatalog.Retired);
        files["README.md"] = Readme(Read("README.md"));
        files["rules.yml"] = RulesYml(Read("rules.yml"));
        return files;
    }

    public static string Read(string path) => File.ReadAllText(Repo.Path(path.Split('/'))).ReplaceLineEndings("\n");

    /// The page with its generated parts rewritten; an id without a page gets the stub eng/new-rule writes.
    public static string Page(IRule rule, string page)
    {
        var d = rule.Descriptor;
        var sections = Sections(page);
        if (rule is ML1006HighRiskPermission) sections = Sections(ML1006Table(page));
        sections[0] = (null, Header(d));
        if (rule is SettingRule setting)
        {
            Replace(sections, "What", what => SettingsWhat(what));
            Replace(sections, "Configuration", _ => SettingsConfiguration(d.Id));
            Replace(sections, "Suppression", _ => SettingsSuppression(d.Id, MarkedElement(d.Id)));
        }
        else if (d.Category is RuleCategory.Parsing or RuleCategory.Permissions or RuleCategory.Packaging)
        {
            Replace(sections, "Configuration", old => AccessConfiguration(d, rule.OptionKeys, old));
        }
        return string.Concat(sections.Select(s => s.Heading == null ? s.Body : $"## {s.Heading}\n{s.Body}"));
    }

    public static string Header(RuleDescriptor d) =>
        $"# {d.Id}: {d.Title}\n\n| Level | Security severity | Category | Since |\n|---|---|---|---|\n" +
        $"| {d.DefaultLevel.ToText()} | {d.SecuritySeverityText ?? "-"} | {d.Category} | {d.Since} |\n\n";

    /// The page split at its `## ` headings: (null, header) first, then (heading, body) in order.
    public static List<(string? Heading, string Body)> Sections(string page)
    {
        var result = new List<(string?, string)>();
        var parts = ("\n" + page).Split("\n## ");
        result.Add((null, parts[0].Length == 0 ? "" : parts[0][1..] + "\n"));
        foreach (var part in parts.Skip(1))
        {
            var eol = part.IndexOf('\n');
            var body = eol < 0 ? "" : part[(eol + 1)..];
            result.Add((eol < 0 ? part : part[..eol], body + "\n"));
        }
        // Each part lost the newline the split consumed; the last part had no following heading.
        var (h, b) = result[^1];
        result[^1] = (h, b[..^1]);
        if (result.Count == 1) result[0] = (null, page);
        return result;
    }

    private static void Replace(List<(string? Heading, string Body)> sections, string heading, Func<string, string> body)
    {
        var i = sections.FindIndex(s => s.Heading == heading);
        if (i < 0) throw new InvalidOperationException($"section '## {heading}' is missing");
        var last = i == sections.Count - 1;
        var generated = body(sections[i].Body);
        sections[i] = (heading, last ? generated.TrimEnd('\n') + "\n" : generated);
    }

    // ---- access rules (parsing, permissions, packaging) ----

    /// The configuration every access rule shares; a rule with options keeps its hand-written text after "Options:".
    private static string AccessConfiguration(RuleDescriptor d, IReadOnlyList<string> optionKeys, string old)
    {
        var other = d.DefaultLevel == RuleLevel.Warning ? "error" : "warning";
        var options = "Options: none.\n\n";
        if (optionKeys.Count > 0)
        {
            var at = old.IndexOf("\nOptions:", StringComparison.Ordinal);
            options = at < 0 ? "Options:\n\n" + string.Concat(optionKeys.Select(k => $"- `{k}`: TODO\n")) + "\n" : old[(at + 1)..];
        }
        return $$"""
            In `rules.yml`:

            ```yaml
            rules:
              {{d.Id}}:
                enabled: false      # turn the rule off
                level: {{other,-13}}# error | warning | note
            exclude:                # gitignore-style patterns relative to the analysed root
              - "**/Referenced Packages/**"
            ```

            `exclude` is global: matching files are not analysed by any rule.

            """ + options;
    }

    // ---- settings rules (ML3xxx): the shared parts of the 30 pages ----

    private const string LevelParagraph = "The level follows the baseline in effect.";

    private static string SettingsWhat(string what)
    {
        var at = what.IndexOf("\n" + LevelParagraph, StringComparison.Ordinal);
        return (at < 0 ? what : what[..at]).TrimEnd('\n') + "\n\n" + """
            The level follows the baseline in effect. With an XML baseline (the bundled standard, or `--baseline file.xml`) it
            follows the setting's risk group and the value's status together: High-Risk critical is an `error` and High-Risk
            warning a `warning`; Medium-Risk critical is a `warning` and Medium-Risk warning a `note`; Low-Risk and
            Informational values are a `note`. With the JSON form (`--baseline file.json`) a value weaker than `standardValue` is an `error`,
            `warning` or `note` for `HIGH_RISK`, `MEDIUM_RISK` or `LOW_RISK`, and no finding for `INFORMATIONAL`. The header
            shows the level and security severity under the bundled standard; SARIF carries the ones of the baseline in effect
            (security severity 8.0, 5.5 or 3.0 for the high, medium or low group).


            """;
    }

    private static string SettingsConfiguration(string id) => $$"""
        In `rules.yml`:

        ```yaml
        rules:
          {{id}}:
            enabled: false      # turn the rule off
            level: warning      # error | warning | note; overrides the level the baseline gives
        settings:
          missing: report       # ignore (default) | report: a note when Security.settings does not set the setting
        ```

        Choose the baseline with `--baseline FILE` on `metalint check` or `metalint baseline score`: the XML Health Check
        exports, or the JSON form. A custom baseline overrides the bundled Salesforce Baseline Standard only for the
        settings it names. `settings.missing` is global: with `report`, a Security.settings file that does not set the
        setting gets a note on its parent element (or line 1). A value MetaLint does not recognise is never a finding.
        Options: none.


        """;

    /// The element a settings finding sits on, as the rule's fires fixtures mark it in Security.settings.
    private static string MarkedElement(string id)
    {
        var fires = Repo.Path("testdata", "rules", id, "fires");
        foreach (var file in Directory.EnumerateFiles(fires, "Security.settings*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            foreach (var line in File.ReadLines(file))
                if (ExpectMarker.Ids(line).Contains(id) && Regex.Match(line, @"<([A-Za-z]\w*)") is { Success: true } tag)
                    return tag.Groups[1].Value;
        throw new InvalidOperationException($"{id}: no Security.settings fixture under {fires} marks the element it fires on");
    }

    private static string SettingsSuppression(string id, string element) => $$"""
        Inline, on the line directly above the `<{{element}}>` line:

        `<!-- metalint-disable-next-line {{id}}: accepted by the security review of 2026-01 -->`

        The reason after the colon is required.

        Or in `rules.yml`, with `component` (`Security` for Security.settings, the `<profile>` value for a profile policy)
        or `path` (the file, relative to the analysed root):

        ```yaml
        exceptions:
          - rule: {{id}}
            path: force-app/main/default/settings/Security.settings-meta.xml
            justification: Accepted risk, see the security review of 2026-01
            approvedBy: security-team@example.com
            expires: 2026-06-30
        ```

        Suppressed findings stay in the SARIF log with `suppressions` (`kind`, `justification`), so code scanning shows
        them as dismissed, and they do not count toward `--fail-on`. Salesforce does not keep XML comments in retrieved
        settings, so prefer `rules.yml` for files you retrieve from the org.

        """;

    // ---- README.md: the rules table ----

    /// Settings rules are one row per id range; the prose of each range is kept here.
    private static readonly Dictionary<string, (string Title, string Severity)> SettingRanges = new()
    {
        ["ML31"] = ("Password policy below the Health Check baseline (length, lockout, expiration, complexity, history, ...)", "high 8.0, medium 5.5, low 3.0"),
        ["ML32"] = ("Session setting below baseline (timeout, clickjack, CSRF, HttpOnly, force relogin, ...)", "idem"),
        ["ML33"] = ("Login as any user; trusted IP ranges", "idem"),
    };

    public static string ReadmeRulesTable()
    {
        var sb = new StringBuilder("| Id | Title | Level | Security severity |\n|---|---|---|---|\n");
        foreach (var group in RuleCatalog.All.Select(r => r.Descriptor)
                     .GroupBy(d => d.Category == RuleCategory.Settings ? d.Id[..4] : d.Id))
        {
            var d = group.First();
            if (d.Category != RuleCategory.Settings)
            {
                sb.Append($"| [{d.Id}]({d.DocPath}) | {d.Title} | {d.DefaultLevel.ToText()} | {d.SecuritySeverityText ?? "-"} |\n");
                continue;
            }
            if (!SettingRanges.TryGetValue(group.Key, out var range))
                throw new InvalidOperationException($"README.md: describe the settings range {group.Key}xx in DocGenerator.SettingRanges");
            sb.Append($"| {d.Id}-{group.Last().Id} | {range.Title} | from the baseline | {range.Severity} |\n");
        }
        return sb.ToString();
    }

    private static string Readme(string readme) =>
        Between(readme, "## Rules\n\n", "\nThe full list", ReadmeRulesTable(), "README.md");

    // ---- ML1006's default list: rules.yml and rules/ML1006.md ----

    private static string RulesYml(string yml) =>
        Between(yml, "  ML1006:", "    extra-permissions:",
            string.Concat(ML1006HighRiskPermission.Defaults.Select(p => $"      - {p.Name}\n")), "rules.yml", startAfter: "    permissions:\n");

    public static string ML1006Table(string page) =>
        Between(page, "| Permission | Setup label | Risk |\n|---|---|---|\n", "\n",
            string.Concat(ML1006HighRiskPermission.Defaults.Select(p => $"| `{p.Name}` | {p.SetupLabel} | {p.Risk} |\n")),
            "rules/ML1006.md", endIsBlankLine: true);

    /// Replaces the text between a start marker (and optionally a second marker after it) and an end marker.
    private static string Between(string text, string start, string end, string replacement, string file,
        string? startAfter = null, bool endIsBlankLine = false)
    {
        var s = text.IndexOf(start, StringComparison.Ordinal);
        if (s < 0) throw new InvalidOperationException($"{file}: '{start.Trim()}' not found");
        s += start.Length;
        if (startAfter != null)
        {
            s = text.IndexOf(startAfter, s, StringComparison.Ordinal);
            if (s < 0) throw new InvalidOperationException($"{file}: '{startAfter.Trim()}' not found");
            s += startAfter.Length;
        }
        var e = endIsBlankLine ? text.IndexOf("\n\n", s, StringComparison.Ordinal) + 1 : text.IndexOf(end, s, StringComparison.Ordinal);
        if (e <= 0) throw new InvalidOperationException($"{file}: end of the generated part not found");
        return text[..s] + replacement + text[e..];
    }
}
