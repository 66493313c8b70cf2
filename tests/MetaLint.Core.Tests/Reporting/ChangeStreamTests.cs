using System.Text.RegularExpressions;
using MetaLint.Core.Discovery;
using MetaLint.Core.Rules;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Reporting;

/// PR mode streams its head side: the outcome must be what analysing both sides whole and comparing them gave.
public sealed class ChangeStreamTests : IDisposable
{
    private readonly TempFolder _base = new("metalint-base-");
    private readonly TempFolder _head = new("metalint-head-");

    public void Dispose()
    {
        _base.Dispose();
        _head.Dispose();
    }

    [Fact]
    public void Compare_gives_what_the_whole_head_compared_with_the_base_gave()
    {
        var sample = RepoRoot.Path("testdata", "sample-org");
        var index = 0;
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            var text = File.ReadAllText(file);
            _base.Write(relative, text);
            index++;
            // The head: every third file's booleans flipped (settings values change, grants come and go), every
            // seventh gone, the rest unchanged (findings on both sides with the same fingerprints).
            if (relative.EndsWith("Security.settings-meta.xml", StringComparison.Ordinal))
                // The base's session timeout was a warning, the head's is critical: introduced with the same fingerprint.
                _base.Write(relative, text.Replace("TwentyFourHours", "TwelveHours"));
            else if (index % 7 == 0) continue;
            _head.Write(relative, index % 3 == 0 && !relative.Contains("settings", StringComparison.Ordinal) ? Regex.Replace(text, "true|false", m => m.Value == "true" ? "false" : "true") : text);
        }
        _head.Write("force-app/main/default/profiles/New.profile-meta.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
            "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</Profile>\n");
        var discoverer = new Discoverer(MetaLint.Core.Configuration.MetaLintConfig.Default.Exclude);
        DiscoveryResult Head() => discoverer.Discover(_head.Root, [_head.Root]);
        DiscoveryResult Base() => discoverer.Discover(_base.Root, [_base.Root]);
        var options = new AnalysisOptions { Root = _head.Root, Jobs = 2 };

        var outcome = ChangeAnalysis.Compare(Head(), Base(), options);

        // The reference: both sides held whole (the algorithm before the head streamed).
        var head = Analyzer.Analyse(Head(), options);
        var @base = Analyzer.Analyse(Base(), options);
        var before = @base.Findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
        var after = head.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var introduced = head.Findings.Where(f => !before.TryGetValue(f.Fingerprint, out var old) || f.Level > old.Level ||
            (f.Fact is SettingFact now && old.Fact is SettingFact was && (now.Status > was.Status || (now.Status == was.Status && now.Value != was.Value))));

        static object Key(Finding f) => (f.RuleId, f.Path, f.Span, f.Level, f.Message, f.Fingerprint,
            f.Fact is SettingFact s ? (s with { BaseValue = null }).ToString() : f.Fact?.ToString());
        var active = outcome.Result.Findings.Where(f => f.RuleId != "ML1010").ToList();
        active.Select(Key).ShouldBe(introduced.Select(Key));
        // A setting the base set too carries the base's value.
        active.Where(f => f.Fact is SettingFact && before.ContainsKey(f.Fingerprint))
            .Select(f => ((SettingFact)f.Fact!).BaseValue).ShouldAllBe(v => v != null && v.Contains("Twelve"));
        outcome.Fixed.Select(Key).ShouldBe(@base.Findings.Where(f => !after.Contains(f.Fingerprint)).Select(Key));
        outcome.BaseFindings.ShouldBe(@base.Findings.Count);
        outcome.BaseScore?.Score.ShouldBe(@base.Score!.Score);
        outcome.Result.Score?.Score.ShouldBe(head.Score!.Score);
        outcome.Result.Settings.Count.ShouldBe(head.Settings.Count);
        outcome.Result.AppliedExceptions.ShouldBe(head.AppliedExceptions);
        outcome.Result.Discovery.Files.Count.ShouldBe(head.Discovery.Files.Count);
        outcome.Fixed.ShouldNotBeEmpty();
        outcome.Result.Findings.ShouldNotBeEmpty();
        head.Findings.Count(f => before.ContainsKey(f.Fingerprint)).ShouldBeGreaterThan(0);
        active.Count(f => before.ContainsKey(f.Fingerprint)).ShouldBeGreaterThan(0);   // a setting whose value changed
    }
}
