using MetaLint.Core.Configuration;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Tests.Support;

/// Runs the real pipeline over a folder, as `metalint check` does.
internal static class Run
{
    public static AnalysisResult Folder(string folder, MetaLintConfig? config = null, params string[] only) =>
        Analyzer.Run([folder], new AnalysisOptions
        {
            Root = folder,
            Config = config ?? MetaLintConfig.Default,
            Only = only.Length == 0 ? null : new HashSet<string>(only),
        });

    /// A rule that compares two trees (ML1010): its fixture folder holds base/ and head/, analysed as the git modes do.
    public static bool Compares(string id) => RuleCatalog.Get(id).Target == typeof(MetaLint.Core.Model.RemovedGrant);

    /// What the tree in head introduces relative to the tree in base (both analysed as roots).
    public static AnalysisResult Change(string baseFolder, string headFolder, MetaLintConfig? config = null, params string[] only)
    {
        var discoverer = new MetaLint.Core.Discovery.Discoverer((config ?? MetaLintConfig.Default).Exclude);
        return ChangeAnalysis.Compare(discoverer.Discover(headFolder, [headFolder]), discoverer.Discover(baseFolder, [baseFolder]),
            new AnalysisOptions
            {
                Root = headFolder,
                Config = config ?? MetaLintConfig.Default,
                Only = only.Length == 0 ? null : new HashSet<string>(only),
            }).Result;
    }

    /// A fixture folder run the way its rule runs: alone, or as a change from base/ to head/.
    public static AnalysisResult Fixture(string folder, MetaLintConfig? config, string id) => Compares(id)
        ? Change(Path.Combine(folder, "base"), Path.Combine(folder, "head"), config, id)
        : Folder(folder, config, id);

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
