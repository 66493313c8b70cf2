using System.Text;
using CsCheck;
using MetaLint.Core.Reporting;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Suppressions;
using MetaLint.Core.Tests.Support;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Run = MetaLint.Core.Tests.Support.Run;
using Suppression = MetaLint.Core.Suppressions.Suppression;

namespace MetaLint.Core.Tests.Reporting;

/// SarifReporter streams the log with its own Utf8JsonWriter code (issue 14); these tests hold it to the bytes
/// Sarif.Sdk's Newtonsoft serialisation makes of the same SarifLog (what MetaLint wrote before), for every part of
/// the model SarifReporter.Build fills in, and for any text.
public class SarifWriterTests
{
    private static readonly string Root = Repo.Path("testdata", "sample-org");

    [Fact]
    public void Sample_org_with_score_base_category_and_every_suppression_shape_matches_newtonsoft()
    {
        var r = Run.Folder(Root);
        r.Score.ShouldNotBeNull("the sample org has settings, so the run carries a health score");
        var findings = r.Findings.Select((f, i) => (i % 3) switch
        {
            0 => f with { Suppression = new Suppression(SuppressionSource.Inline, "break-glass \"admin\"", null, null) },
            1 => f with { Suppression = new Suppression(SuppressionSource.Exception, "owned by ops", "sec@example.com", new DateOnly(2026, 6, 30)) },
            _ => f,
        }).ToList();
        var commit = new CommitInfo("0123456789abcdef0123456789abcdef01234567", "A", "a@example.com", DateTimeOffset.UnixEpoch,
            "C", "c@example.com", DateTimeOffset.UnixEpoch, "message");
        var report = new Report(findings, r.Rules, r.Discovery.Files.Count)
        {
            Category = "org/prod",
            Score = r.Score,
            Base = new BaseComparison("origin/main", commit, null, 2),
            Provenance = new VersionControl(VersionControl.RepositoryUri("https://ci:secret@github.com/acme/org.git")!, commit.Sha, "main"),
        };

        var written = Render(new SarifReporter().Write);
        written.ShouldBe(Render((rep, o) => Reference(SarifReporter.Build(rep), o)));
        SarifSchema.ShouldBeValid(written);

        string Render(Action<Report, TextWriter> write)
        {
            var w = new StringWriter();
            write(report, w);
            return w.ToString();
        }
    }

    [Fact]
    public void Grouped_results_with_related_locations_and_budget_properties_match_newtonsoft()
    {
        using var tmp = new MetaLint.Tests.Support.TempFolder();
        var objects = string.Concat(Enumerable.Range(1, 3).Select(i =>
            $"<objectPermissions><modifyAllRecords>true</modifyAllRecords><object>O{i}__c</object><viewAllRecords>true</viewAllRecords></objectPermissions>\n"));
        tmp.Write("profiles/P.profile-meta.xml", "<?xml version=\"1.0\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" + objects +
            "<userPermissions><enabled>true</enabled><name>ViewSetup</name></userPermissions><userPermissions><enabled>true</enabled><name>AuthorApex</name></userPermissions></Profile>\n");
        var r = Run.Folder(tmp.Root);
        var report = new Report(r.Findings, r.Rules, r.Discovery.Files.Count);
        var (log, outcome) = SarifReporter.Build(report, maxResults: 1);
        outcome.Groups.ShouldBeGreaterThan(0, "the sample org has per-object grants to fold");
        outcome.Omitted.ShouldBeGreaterThan(0);
        log.Runs[0].Results.ShouldContain(x => x.RelatedLocations != null && x.RelatedLocations.Count > 1);

        var written = new StringWriter();
        new SarifReporter(1).Write(report, written);
        var expected = new StringWriter();
        Reference(log, expected);
        written.ToString().ShouldBe(expected.ToString());
        SarifSchema.ShouldBeValid(written.ToString());
    }

    [Fact]
    public void Snippet_is_the_element_with_its_lines_around_and_is_left_out_once_the_file_is_gone()
    {
        using var tmp = new MetaLint.Tests.Support.TempFolder();
        var file = tmp.Write("profiles/P.profile-meta.xml", "<?xml version=\"1.0\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
            "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</Profile>\n");
        var r = Run.Folder(tmp.Root);
        var report = new Report(r.Findings, r.Rules, 1);
        var location = SarifReporter.Build(report).Runs[0].Results.ShouldHaveSingleItem().Locations[0].PhysicalLocation;
        location.Region.Snippet.Text.ShouldBe("<name>ModifyAllData</name>");
        (location.ContextRegion.StartLine, location.ContextRegion.EndLine).ShouldBe((3, 7));
        location.ContextRegion.Snippet.Text.ShouldBe("    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</Profile>");

        File.Delete(file);   // a git mode's snapshot is gone by the time the report is written
        var gone = SarifReporter.Build(report).Runs[0].Results[0].Locations[0].PhysicalLocation;
        gone.Region.Snippet.ShouldBeNull();
        gone.ContextRegion.ShouldBeNull();
    }

    [Fact]
    public void Any_message_text_is_escaped_as_newtonsoft_escapes_it()
    {
        var r = Run.Folder(Root);
        var rules = r.Rules;
        // As the first rule's finding, so ruleIndex 0 is written too.
        var finding = r.Findings[0] with { Rule = rules[0].Descriptor };
        // Every character class that matters: controls, quotes, backslash, the line separators Newtonsoft escapes,
        // HTML-sensitive characters, non-ASCII, astral characters and lone surrogates.
        var chars = Gen.OneOf(Gen.Char['\0', '\u007f'], Gen.Const('\u0085'), Gen.Const('\u2028'), Gen.Const('\u2029'),
            Gen.Char['\u00a0', '\uffff'], Gen.Const('\ud800'), Gen.Const('\udfff'));
        Gen.String[chars, 0, 40].Sample(text =>
        {
            var report = new Report([finding with { Message = text }], rules, 1);
            var written = Bytes(o => new SarifReporter().Write(report, o));
            var expected = Bytes(o => Reference(SarifReporter.Build(report), o));
            written.SequenceEqual(expected).ShouldBeTrue(
                $"message {string.Join(' ', text.Select(c => ((int)c).ToString("x4")))}:\n{Encoding.UTF8.GetString(written)}");
        }, iter: 300);
    }

    /// What a file or a terminal receives: UTF-8, a lone surrogate replaced by U+FFFD.
    private static byte[] Bytes(Action<TextWriter> write)
    {
        var stream = new MemoryStream();
        using (var w = new StreamWriter(stream, new UTF8Encoding(false))) write(w);
        return stream.ToArray();
    }

    /// The serialisation SarifReporter used before issue 14: Newtonsoft over Sarif.Sdk's model, indented, "\n" line
    /// ends, with Result.Level, ReportingConfiguration.Level and ReportingDescriptor.DefaultConfiguration always written.
    private static void Reference(SarifLog log, TextWriter output)
    {
        var serializer = JsonSerializer.Create(new JsonSerializerSettings { ContractResolver = new ExplicitLevelsResolver() });
        var text = new StringWriter { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented }) serializer.Serialize(json, log);
        output.Write(text.ToString());
        output.Write('\n');
    }

    private sealed class ExplicitLevelsResolver : Newtonsoft.Json.Serialization.DefaultContractResolver
    {
        protected override Newtonsoft.Json.Serialization.JsonProperty CreateProperty(
            System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            var always = (member.DeclaringType, member.Name) switch
            {
                (var t, nameof(Result.Level)) when t == typeof(Result) => true,
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
}
