using System.Globalization;
using MetaLint.Core.Configuration;
using MetaLint.Core.Reporting;
using MetaLint.Core.Tests.Support;

namespace MetaLint.Core.Tests.Configuration;

/// Core reads rules.yml and writes reports the same under any locale (Buddhist and Hijri calendars included).
public sealed class CultureTests : IDisposable
{
    private readonly CultureInfo _saved = CultureInfo.CurrentCulture;

    public void Dispose() => CultureInfo.CurrentCulture = _saved;

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void Exception_expiry_and_min_score_read_the_same_under_any_locale(string culture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        var config = ConfigLoader.Parse(
            "environments:\n  prod:\n    min-score: 90.5\n" +
            "exceptions:\n  - rule: ML1001\n    component: Profile:Admin\n    justification: Break-glass admin\n" +
            "    approvedBy: sec@example.com\n    expires: 2099-12-31\n", "rules.yml");
        config.Exceptions.Single().Expires.ShouldBe(new DateOnly(2099, 12, 31));
        config.Environments["prod"].MinScore.ShouldBe(90.5);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fr-FR")]
    public void Analysis_and_every_report_are_byte_identical_under_any_locale(string culture)
    {
        string Render()
        {
            var r = Run.Folder(Repo.Path("testdata", "sample-org"));
            var report = new Report(r.Findings, r.Rules, r.Discovery.Files.Count) { Score = r.Score };
            var text = string.Concat(new IReporter[] { new Cli.Terminal.TextReporter(false), new Core.Reporting.Json.JsonReporter(),
                new Core.Reporting.Sarif.SarifReporter() }.Select(reporter => { var w = new StringWriter(); reporter.Write(report, w); return w.ToString(); }));
            // Expired rules.yml exceptions (ML9002 prints the expiry date) and an over-size baseline (a byte count).
            var expiredFolder = Repo.Path("testdata", "rules", "ML9002", "fires");
            var expired = Run.Folder(expiredFolder, ConfigLoader.Load(Path.Combine(expiredFolder, ConfigLoader.FileName)));
            return text + string.Join('\n', expired.Findings.Select(f => f.Message)) +
                   string.Join('\n', Core.Baselines.BaselineLinter.Lint(Core.Baselines.Baseline.Standard, 30 * 1024));
        }
        var invariant = Render();
        // The pool threads that parse and check files take the default culture, not the test thread's.
        var savedDefault = CultureInfo.DefaultThreadCurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = new CultureInfo(culture);
            Render().ShouldBe(invariant);
        }
        finally
        {
            CultureInfo.DefaultThreadCurrentCulture = savedDefault;
        }
    }
}
