using MetaLint.Cli.Terminal;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Json;
using MetaLint.Core.Reporting.Sarif;

namespace MetaLint.Core.Tests.Hostile;

/// Renders a result in every output format, concatenated, for "never appears in any output" checks.
internal static class Reports
{
    public static string RenderAll(AnalysisResult result)
    {
        var report = new Report(result.Findings, result.Rules, result.Discovery.Files.Count);
        var all = new StringWriter();
        foreach (var reporter in new IReporter[] { new TextReporter(color: false), new JsonReporter(), new SarifReporter() })
            reporter.Write(report, all);
        return all.ToString();
    }
}
