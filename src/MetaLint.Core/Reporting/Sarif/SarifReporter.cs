using MetaLint.Core.Rules;
using MetaLint.Core.Suppressions;
using Microsoft.CodeAnalysis.Sarif;

namespace MetaLint.Core.Reporting.Sarif;

/// SARIF 2.1.0 with Sarif.Sdk as the object model: one run, every rule descriptor, relative %SRCROOT% URIs, stable
/// fingerprints, and at most maxResults results (SarifBudget; 0: no limit).
internal sealed class SarifReporter(int maxResults = SarifBudget.CodeScanningMaxResults, string? spoolFolder = null) : IReporter
{
    public const string SrcRoot = "%SRCROOT%";
    public const string InformationUri = "https://github.com/metalint/metalint";

    /// What the result budget did in the last Write, for the front end to tell the user.
    public SarifBudgetOutcome? Outcome { get; private set; }

    /// Streams the log in one pass (SarifJsonWriter), byte for byte what Newtonsoft made of the same model.
    /// With a result limit at most that many results are held (SarifBudget); without one (0), results are written to
    /// a temporary file as they come (SarifJsonWriter.Spool) and copied into the log after the rule table, so no run
    /// holds its findings.
    public void Write(Report report, TextWriter output)
    {
        if (maxResults > 0)
        {
            var (log, outcome) = Build(report, maxResults);
            Outcome = outcome;
            SarifJsonWriter.Write(log, output);
            return;
        }
        using var spool = new FileStream(Path.Combine(spoolFolder ?? Path.GetTempPath(), $"metalint-sarif-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        var messages = new SarifMessages();
        var index = RuleIndex(report);
        int count;
        using (var snippets = new SnippetSource())
            count = SarifJsonWriter.Spool(report.Findings.Select(f => Result(f, index[f.RuleId], snippets, messages)), spool);
        Outcome = new SarifBudgetOutcome(maxResults, count, 0, 0, 0);
        SarifJsonWriter.Write(Assemble(report, [], messages, Outcome), output, spool);
    }

    public static SarifLog Build(Report report) => Build(report, SarifBudget.CodeScanningMaxResults).Log;

    public static (SarifLog Log, SarifBudgetOutcome Outcome) Build(Report report, int maxResults)
    {
        var (findings, outcome) = SarifBudget.Fit(report.Findings, maxResults);
        var index = RuleIndex(report);
        var messages = new SarifMessages();
        List<Result> results;
        using (var snippets = new SnippetSource())
            results = findings.Select(f => Result(f, index[f.RuleId], snippets, messages)).ToList();
        return (Assemble(report, results, messages, outcome), outcome);
    }

    private static Dictionary<string, int> RuleIndex(Report report) =>
        report.Rules.Select((r, i) => (r.Descriptor.Id, i)).ToDictionary(x => x.Id, x => x.i);

    /// The log around the results: the tool with every rule (and the message templates the results used), the
    /// provenance, and the run's properties (budget, score, base).
    private static SarifLog Assemble(Report report, List<Result> results, SarifMessages messages, SarifBudgetOutcome outcome)
    {
        var rules = report.Rules.Select(r => r.Descriptor).ToList();
        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = "MetaLint",
                    SemanticVersion = Report.ToolVersion,
                    Version = Report.ToolVersion,
                    InformationUri = new Uri(InformationUri),
                    Rules = rules.Select(d => Descriptor(d, messages.TemplatesFor(d.Id))).ToList(),
                },
            },
            ColumnKind = ColumnKind.Utf16CodeUnits,
            Results = results,
        };
        if (report.Provenance is { } vc)
            run.VersionControlProvenance =
            [
                new VersionControlDetails { RepositoryUri = vc.Repository, RevisionId = vc.Revision, Branch = vc.Branch },
            ];
        if (outcome.Groups > 0)
        {
            run.SetProperty("metalint/groupedFindings", outcome.Folded);
            run.SetProperty("metalint/groupedResults", outcome.Groups);
        }
        if (outcome.Omitted > 0)
        {
            run.SetProperty("metalint/maxResults", outcome.MaxResults);
            run.SetProperty("metalint/omittedResults", outcome.Omitted);
        }
        if (report.Score is { Score: { } score } health)
        {
            run.SetProperty("metalint/healthCheckScore", score);
            run.SetProperty("metalint/healthCheckGrade", health.GradeText);
            run.SetProperty("metalint/healthCheckBaseline", health.Baseline.DisplayName);
        }
        if (report.Base is { } b)
        {
            run.SetProperty("metalint/baseRef", b.BaseRef);
            run.SetProperty("metalint/baseCommit", b.BaseCommit.Sha);
            if (b.Loosenings.Count > 0) run.SetProperty("metalint/configLoosened", b.Loosenings);
        }
        if (!string.IsNullOrEmpty(report.Category))
            run.AutomationDetails = new RunAutomationDetails { Id = report.Category.TrimEnd('/') + "/" };
        return new SarifLog
        {
            Version = SarifVersion.Current,
            SchemaUri = new Uri("https://json.schemastore.org/sarif-2.1.0.json"),
            Runs = [run],
        };
    }

    private static ReportingDescriptor Descriptor(RuleDescriptor d, IReadOnlyDictionary<string, string> templates)
    {
        var markdown = RuleDocs.Markdown(d.Id);
        var descriptor = new ReportingDescriptor
        {
            Id = d.Id,
            Name = d.Name,
            ShortDescription = new MultiformatMessageString { Text = d.Title },
            FullDescription = new MultiformatMessageString { Text = d.Description },
            Help = new MultiformatMessageString
            {
                Text = $"{d.Description} See {d.HelpUri}",
                Markdown = markdown ?? $"{d.Description}\n\nSee [{d.Id}]({d.HelpUri}).",
            },
            HelpUri = new Uri(d.HelpUri),
            DefaultConfiguration = new ReportingConfiguration { Level = Level(d.DefaultLevel), Enabled = true },
            MessageStrings = templates.Count == 0 ? null
                : templates.ToDictionary(t => t.Key, t => new MultiformatMessageString { Text = t.Value }),
        };
        descriptor.SetProperty("tags", d.Tags);
        if (d.SecuritySeverityText is { } severity) descriptor.SetProperty("security-severity", severity);
        return descriptor;
    }

    private static Result Result(Finding f, int ruleIndex, SnippetSource snippets, SarifMessages messages)
    {
        var (id, arguments, text) = messages.For(f);
        return new()
        {
            RuleId = f.RuleId,
            RuleIndex = ruleIndex,
            Level = Level(f.Level),
            Kind = ResultKind.Fail,
            Message = new Message { Text = text, Id = id, Arguments = arguments },
            Locations = [new Location { PhysicalLocation = WithSnippet(Physical(f.Location), f, snippets) }],
            RelatedLocations = f.Related.Count == 0 ? null :
            [
                .. f.Related.Take(RelatedLocation.SarifLimit).Select((r, i) => new Location
                {
                    Id = i + 1,
                    PhysicalLocation = Physical(r.Location),
                    Message = new Message { Text = r.Message },
                }),
            ],
            PartialFingerprints = new Dictionary<string, string> { [RuleEngine.FingerprintKey] = f.Fingerprint },
            Suppressions = f.Suppression is { } s ? [Suppression(s)] : null,
        };
    }

    /// The element's text and the lines around it, when the file can still be read.
    private static PhysicalLocation WithSnippet(PhysicalLocation physical, Finding f, SnippetSource snippets)
    {
        var (snippet, contextStart, contextEnd, context) = f.Snippet is { } s ? (s.Text, s.ContextStart, s.ContextEnd, s.Context) : snippets.For(f);
        if (snippet != null) physical.Region.Snippet = new ArtifactContent { Text = snippet };
        if (context != null)
            physical.ContextRegion = new Region { StartLine = contextStart, EndLine = contextEnd, Snippet = new ArtifactContent { Text = context } };
        return physical;
    }

    private static PhysicalLocation Physical(Model.SourceLocation location) => new()
    {
        ArtifactLocation = new ArtifactLocation
        {
            Uri = new Uri(EncodePath(location.File.RelativePath), UriKind.Relative),
            UriBaseId = SrcRoot,
        },
        Region = new Region
        {
            StartLine = location.Span.StartLine,
            StartColumn = location.Span.StartColumn,
            EndLine = location.Span.EndLine,
            EndColumn = location.Span.EndColumn,
        },
    };

    private static Microsoft.CodeAnalysis.Sarif.Suppression Suppression(Suppressions.Suppression s)
    {
        var sarif = new Microsoft.CodeAnalysis.Sarif.Suppression
        {
            Kind = s.Source == SuppressionSource.Inline ? SuppressionKind.InSource : SuppressionKind.External,
            Status = SuppressionStatus.Accepted,
            Justification = s.Justification,
        };
        if (s.ApprovedBy != null) sarif.SetProperty("approvedBy", s.ApprovedBy);
        if (s.Expires is { } e) sarif.SetProperty("expires", e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return sarif;
    }

    /// Percent-encodes each path segment of a raw relative path: "Ops%2FSupport Admin" -> "Ops%252FSupport%20Admin".
    public static string EncodePath(string relativePath) =>
        string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));

    private static FailureLevel Level(RuleLevel level) => level switch
    {
        RuleLevel.Error => FailureLevel.Error,
        RuleLevel.Warning => FailureLevel.Warning,
        RuleLevel.Note => FailureLevel.Note,
        _ => FailureLevel.None,
    };
}
