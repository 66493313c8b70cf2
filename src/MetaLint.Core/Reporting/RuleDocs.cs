using System.Collections.Concurrent;

namespace MetaLint.Core.Reporting;

/// Rule pages (rules/MLxxxx.md), embedded in the assembly: the single source of SARIF help markdown.
internal static class RuleDocs
{
    private static readonly ConcurrentDictionary<string, string?> Cache = new();

    public static string? Markdown(string ruleId) => Cache.GetOrAdd(ruleId, id =>
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"MetaLint.Rules.{id}.md");
        if (stream == null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    });
}
