using MetaLint.Core.Rules;
using MetaLint.Core.Suppressions;
using Microsoft.CodeAnalysis.Sarif;
using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;

namespace MetaLint.Core.Reporting.Sarif;

/// SARIF 2.1.0 through Sarif.Sdk: one run, every rule descriptor, relative %SRCROOT% URIs, stable fingerprints.
public sealed class SarifReporter : IReporter
{
    public const string SrcRoot = "%SRCROOT%";
    public const string InformationUri = "https://github.com/metalint/metalint";

    public void Write(Report report, TextWriter output)
    {
        // One pass from Sarif.Sdk's object model to the output, streamed: a large org's log is tens of MB.
        var lf = new LineFeedWriter(output);
        using (var json = new JsonTextWriter(lf) { Formatting = Formatting.Indented, CloseOutput = false })
            Serializer.Serialize(json, Build(report));
        lf.Write('\n');
        lf.Flush();
    }

    private static readonly JsonSerializer Serializer = CreateSerializer();

    // Newtonsoft serialises Sarif.Sdk's types by reflection; the NativeAOT build keeps both assemblies whole
    // (MetaLint.Cli.csproj) and bench/aot-smoke.sh checks its SARIF byte for byte against the JIT build.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Sarif and Newtonsoft.Json are trimmer roots")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Sarif and Newtonsoft.Json are trimmer roots")]
    private static JsonSerializer CreateSerializer() =>
        JsonSerializer.Create(new JsonSerializerSettings { ContractResolver = new ExplicitLevelsResolver() });

    /// Sarif.Sdk omits "warning", SARIF's default level, and a rule's default configuration when it holds only
    /// defaults; the contract wants every level written out, so those two properties are always serialised.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Sarif and Newtonsoft.Json are trimmer roots")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Sarif and Newtonsoft.Json are trimmer roots")]
    private sealed class ExplicitLevelsResolver : Newtonsoft.Json.Serialization.DefaultContractResolver
    {
        protected override Newtonsoft.Json.Serialization.JsonProperty CreateProperty(
            System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            var always = (member.DeclaringType, member.Name) switch
            {
                (var t, nameof(Microsoft.CodeAnalysis.Sarif.Result.Level)) when t == typeof(Result) => true,
                (var t, nameof(ReportingConfiguration.Level)) when t == typeof(ReportingConfiguration) => true,
                (var t, nameof(ReportingDescriptor.DefaultConfiguration)) when t == typeof(ReportingDescriptor) => true,
                _ => false,
            };
            if (always)
            {
                property.DefaultValueHandling = DefaultValueHandling.Include;
                property.ShouldSerialize = null;
            }
            return property;
        }
    }

    /// Buffers what JsonTextWriter writes in 32 KB chunks (Console.Out flushes on every write) and reports "\n"
    /// as its NewLine, which JsonTextWriter puts between lines.
    private sealed class LineFeedWriter : TextWriter
    {
        private readonly TextWriter _inner;
        private readonly char[] _buffer = new char[32 * 1024];
        private int _used;

        public LineFeedWriter(TextWriter inner)
        {
            _inner = inner;
            NewLine = "\n";
        }

        public override System.Text.Encoding Encoding => _inner.Encoding;

        public override void Write(char value)
        {
            if (_used == _buffer.Length) Flush();
            _buffer[_used++] = value;
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(ReadOnlySpan<char> value)
        {
            while (value.Length > 0)
            {
                if (_used == _buffer.Length) Flush();
                var n = Math.Min(value.Length, _buffer.Length - _used);
                value[..n].CopyTo(_buffer.AsSpan(_used));
                _used += n;
                value = value[n..];
            }
        }

        public override void Flush()
        {
            _inner.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    public static SarifLog Build(Report report)
    {
        var rules = report.Rules.Select(r => r.Descriptor).ToList();
        var index = rules.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
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
                    Rules = rules.Select(Descriptor).ToList(),
                },
            },
            ColumnKind = ColumnKind.Utf16CodeUnits,
            Results = report.Findings.Select(f => Result(f, index[f.RuleId])).ToList(),
        };
        if (report.Score is { Score: { } score } health)
        {
            run.SetProperty("metalint/healthCheckScore", score);
            run.SetProperty("metalint/healthCheckGrade", health.GradeText);
            run.SetProperty("metalint/healthCheckBaseline", health.Baseline.Name);
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

    private static ReportingDescriptor Descriptor(RuleDescriptor d)
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
        };
        descriptor.SetProperty("tags", d.Tags);
        if (d.SecuritySeverityText is { } severity) descriptor.SetProperty("security-severity", severity);
        return descriptor;
    }

    private static Result Result(Finding f, int ruleIndex) => new()
    {
        RuleId = f.RuleId,
        RuleIndex = ruleIndex,
        Level = Level(f.Level),
        Kind = ResultKind.Fail,
        Message = new Message { Text = f.Message },
        Locations =
        [
            new Location
            {
                PhysicalLocation = new PhysicalLocation
                {
                    ArtifactLocation = new ArtifactLocation
                    {
                        Uri = new Uri(EncodePath(f.Path), UriKind.Relative),
                        UriBaseId = SrcRoot,
                    },
                    Region = new Region
                    {
                        StartLine = f.Span.StartLine,
                        StartColumn = f.Span.StartColumn,
                        EndLine = f.Span.EndLine,
                        EndColumn = f.Span.EndColumn,
                    },
                },
            },
        ],
        PartialFingerprints = new Dictionary<string, string> { [RuleEngine.FingerprintKey] = f.Fingerprint },
        Suppressions = f.Suppression is { } s ? [Suppression(s)] : null,
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
