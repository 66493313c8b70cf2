using MetaLint.Core.Baselines;
using MetaLint.Core.Configuration;
using MetaLint.Core.IO;

namespace MetaLint.Core;

/// Options for one analysis run.
internal sealed record AnalysisOptions
{
    public MetaLintConfig Config { get; init; } = MetaLintConfig.Default;

    /// Analysed root; null finds it from the paths (see Discoverer.FindRoot).
    public string? Root { get; init; }

    /// Report only these rule ids (tests); null reports every enabled rule.
    public IReadOnlySet<string>? Only { get; init; }

    /// The date exceptions expire against; null is today (UTC).
    public DateOnly? Today { get; init; }

    /// Files parsed at once; 0 means one per core.
    public int Jobs { get; init; }

    /// A custom Health Check baseline (--baseline); it overrides the bundled standard setting by setting.
    public Baseline? Baseline { get; init; }

    /// Counters a front end may poll to show progress; null when nobody watches.
    public AnalysisProgress? Progress { get; init; }

    /// Largest metadata file read (check --max-file-size); a larger one is an ML0001 finding, never read.
    public long MaxFileSize { get; init; } = InputFile.DefaultMetadataLimit;

    /// Read each finding's source text (Finding.Snippet) on the worker that checked its file, for a SARIF report.
    public bool Snippets { get; init; }

    /// Text to analyse instead of what is on disk, by full path: an editor's unsaved buffers (metalint lsp).
    public IReadOnlyDictionary<string, string>? Unsaved { get; init; }
}
