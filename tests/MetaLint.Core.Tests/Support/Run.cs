using MetaLint.Core.Configuration;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Tests.Support;

/// Runs the real pipeline over a folder, as `metalint check` does.
public static class Run
{
    public static AnalysisResult Folder(string folder, MetaLintConfig? config = null, params string[] only) =>
        Analyzer.Run([folder], new AnalysisOptions
        {
            Root = folder,
            Config = config ?? MetaLintConfig.Default,
            Only = only.Length == 0 ? null : new HashSet<string>(only),
        });

    public static string Sarif(AnalysisResult result, string? category = null)
    {
        var writer = new StringWriter();
        new SarifReporter().Write(
            new Report(result.Findings, result.Rules, result.Discovery.Files.Count) { Category = category }, writer);
        var sarif = writer.ToString();
        SarifSchema.ShouldBeValid(sarif);
        return sarif;
    }
}
