using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MetaLint.Core.IO;
using Microsoft.CodeAnalysis.Sarif;

namespace MetaLint.Core.Reporting.Sarif;

/// Writes the SarifLog that SarifReporter.Build makes with Utf8JsonWriter, in one pass, flushing as it goes.
/// Sarif.Sdk's own serialisation goes through Newtonsoft.Json's reflection: about 70 ms of start-up in the NativeAOT
/// build before the first byte, whatever the log's size (issue 14). This writes the same bytes: Sarif.Sdk's property
/// order, its omitted defaults (a result's kind "fail", a rule's enabled: true, a ruleIndex of -1, zero region
/// fields), every level written out, Newtonsoft's escapes, property bags as their serialised text.
/// It covers the parts of the model Build fills in; tests/MetaLint.Core.Tests/Reporting/SarifWriterTests.cs checks it
/// against Newtonsoft's serialisation of the same model, so a property Build starts setting must be added here.
internal static class SarifJsonWriter
{
    private const int FlushAt = 32 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = NewtonsoftEscapes.Instance,
        SkipValidation = true,
    };

    /// Writes the log; a run's results come from spooled when given (see Spool), from the model otherwise.
    public static void Write(SarifLog log, TextWriter output, Stream? spooled = null)
    {
        using var sink = new Utf8TextWriterStream(output);
        using (var w = new Utf8JsonWriter(sink, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", log.SchemaUri.OriginalString);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            foreach (var run in log.Runs) WriteRun(w, run, sink, spooled);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        sink.WriteByte((byte)'\n');
    }

    /// Writes results into spool as the items of a run's results array, indented as Write indents them (the writer
    /// opens the same four levels first: log, runs, run, results), and leaves spool at their first byte. Returns how
    /// many were written. A run without a result cap writes its results here as they come, so that the rule table,
    /// which comes first and lists the message templates the results use, can be written after them.
    public static int Spool(IEnumerable<Result> results, Stream spool)
    {
        var count = 0;
        long start;
        using (var w = new Utf8JsonWriter(spool, Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartArray("results");
            w.Flush();
            start = spool.Position;
            foreach (var result in results)
            {
                WriteResult(w, result);
                count++;
                if (w.BytesPending >= FlushAt) w.Flush();
            }
        }
        spool.Position = start;
        return count;
    }

    private static void WriteRun(Utf8JsonWriter w, Run run, Stream sink, Stream? spooled)
    {
        w.WriteStartObject();
        w.WriteStartObject("tool");
        var driver = run.Tool.Driver;
        w.WriteStartObject("driver");
        w.WriteString("name", driver.Name);
        w.WriteString("version", driver.Version);
        w.WriteString("semanticVersion", driver.SemanticVersion);
        w.WriteString("informationUri", driver.InformationUri.OriginalString);
        w.WriteStartArray("rules");
        foreach (var rule in driver.Rules) WriteRule(w, rule);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        if (run.VersionControlProvenance is { } provenance)
        {
            w.WriteStartArray("versionControlProvenance");
            foreach (var vc in provenance)
            {
                w.WriteStartObject();
                w.WriteString("repositoryUri", vc.RepositoryUri.OriginalString);
                if (vc.RevisionId != null) w.WriteString("revisionId", vc.RevisionId);
                if (vc.Branch != null) w.WriteString("branch", vc.Branch);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("results");
        if (spooled != null && spooled.Position < spooled.Length)
        {
            // The spooled items, then the line break and indent that the writer puts before the "]" of an array it
            // wrote items into (for an array it thinks empty it writes "]" straight after "[").
            w.Flush();
            spooled.CopyTo(sink);
            sink.Write("\n      "u8);
        }
        foreach (var result in run.Results)
        {
            WriteResult(w, result);
            if (w.BytesPending >= FlushAt) w.Flush();
        }
        w.WriteEndArray();
        if (run.AutomationDetails is { } details)
        {
            w.WriteStartObject("automationDetails");
            w.WriteString("id", details.Id);
            w.WriteEndObject();
        }
        w.WriteString("columnKind", run.ColumnKind == ColumnKind.Utf16CodeUnits ? "utf16CodeUnits" : "unicodeCodePoints");
        WriteProperties(w, run);
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, ReportingDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", rule.Name);
        WriteMessage(w, "fullDescription", rule.FullDescription);
        WriteMessage(w, "help", rule.Help);
        WriteMessage(w, "shortDescription", rule.ShortDescription);
        if (rule.MessageStrings is { Count: > 0 } templates)
        {
            w.WriteStartObject("messageStrings");
            foreach (var (id, template) in templates) WriteMessage(w, id, template);
            w.WriteEndObject();
        }
        w.WriteStartObject("defaultConfiguration");
        if (!rule.DefaultConfiguration.Enabled) w.WriteBoolean("enabled", false);
        w.WriteString("level", Level(rule.DefaultConfiguration.Level));
        w.WriteEndObject();
        w.WriteString("helpUri", rule.HelpUri.OriginalString);
        WriteProperties(w, rule);
        w.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter w, string name, MultiformatMessageString message)
    {
        w.WriteStartObject(name);
        w.WriteString("text", message.Text);
        if (message.Markdown != null) w.WriteString("markdown", message.Markdown);
        w.WriteEndObject();
    }

    /// Locations in Sarif.Sdk's property order: id (related locations), physicalLocation, message.
    private static void WriteRegion(Utf8JsonWriter w, string name, Region region)
    {
        w.WriteStartObject(name);
        if (region.StartLine != 0) w.WriteNumber("startLine", region.StartLine);
        if (region.StartColumn != 0) w.WriteNumber("startColumn", region.StartColumn);
        if (region.EndLine != 0) w.WriteNumber("endLine", region.EndLine);
        if (region.EndColumn != 0) w.WriteNumber("endColumn", region.EndColumn);
        if (region.Snippet is { } snippet)
        {
            w.WriteStartObject("snippet");
            w.WriteString("text", snippet.Text);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteLocations(Utf8JsonWriter w, string name, IEnumerable<Location> locations)
    {
        w.WriteStartArray(name);
        foreach (var location in locations)
        {
            var physical = location.PhysicalLocation;
            w.WriteStartObject();
            if (location.Id != -1) w.WriteNumber("id", (long)location.Id);
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", physical.ArtifactLocation.Uri.OriginalString);
            w.WriteString("uriBaseId", physical.ArtifactLocation.UriBaseId);
            w.WriteEndObject();
            WriteRegion(w, "region", physical.Region);
            if (physical.ContextRegion is { } context) WriteRegion(w, "contextRegion", context);
            w.WriteEndObject();
            if (location.Message is { Text: { } text })
            {
                w.WriteStartObject("message");
                w.WriteString("text", text);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter w, Result result)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", result.RuleId);
        if (result.RuleIndex != -1) w.WriteNumber("ruleIndex", result.RuleIndex);
        w.WriteString("level", Level(result.Level));
        w.WriteStartObject("message");
        w.WriteString("text", result.Message.Text);
        if (result.Message.Id != null) w.WriteString("id", result.Message.Id);
        if (result.Message.Arguments is { Count: > 0 } arguments)
        {
            w.WriteStartArray("arguments");
            foreach (var argument in arguments) w.WriteStringValue(argument);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        WriteLocations(w, "locations", result.Locations);
        w.WriteStartObject("partialFingerprints");
        foreach (var (key, value) in result.PartialFingerprints) w.WriteString(key, value);
        w.WriteEndObject();
        if (result.RelatedLocations is { Count: > 0 } related) WriteLocations(w, "relatedLocations", related);
        if (result.Suppressions is { } suppressions)
        {
            w.WriteStartArray("suppressions");
            foreach (var s in suppressions)
            {
                w.WriteStartObject();
                w.WriteString("kind", s.Kind == SuppressionKind.InSource ? "inSource" : "external");
                w.WriteString("status", s.Status switch
                {
                    SuppressionStatus.Accepted => "accepted",
                    SuppressionStatus.UnderReview => "underReview",
                    _ => "rejected",
                });
                if (s.Justification != null) w.WriteString("justification", s.Justification);
                WriteProperties(w, s);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// A property bag holds each value as the JSON text SetProperty serialised it to.
    private static void WriteProperties(Utf8JsonWriter w, PropertyBagHolder holder)
    {
        var names = holder.PropertyNames;
        if (names.Count == 0) return;
        w.WriteStartObject("properties");
        foreach (var name in names)
        {
            w.WritePropertyName(name);
            w.WriteRawValue(holder.GetSerializedPropertyValue(name), skipInputValidation: true);
        }
        w.WriteEndObject();
    }

    private static string Level(FailureLevel level) => level switch
    {
        FailureLevel.Error => "error",
        FailureLevel.Warning => "warning",
        FailureLevel.Note => "note",
        _ => "none",
    };

    /// Newtonsoft.Json's default string escaping: control characters (\b \t \n \f \r short, the rest as lower-case
    /// \u00xx), '"', '\', U+0085, U+2028 and U+2029; everything else, non-ASCII included, is written as is.
    private sealed class NewtonsoftEscapes : JavaScriptEncoder
    {
        public static readonly NewtonsoftEscapes Instance = new();

        public override int MaxOutputCharactersPerInputCharacter => 6;

        public override bool WillEncode(int unicodeScalar) =>
            unicodeScalar < 0x20 || unicodeScalar is '"' or '\\' or 0x85 or 0x2028 or 0x2029;

        public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
        {
            var span = new ReadOnlySpan<char>(text, textLength);
            for (var i = 0; i < span.Length; i++)
            {
                var c = span[i];
                if (WillEncode(c)) return i;
                if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1])) i++;
                else if (char.IsSurrogate(c)) return i;
            }
            return -1;
        }

        public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
        {
            var escape = unicodeScalar switch
            {
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when WillEncode(unicodeScalar) => "\\u" + unicodeScalar.ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            var destination = new Span<char>(buffer, bufferLength);
            if (escape == null)
                return new Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten);
            numberOfCharactersWritten = escape.Length;
            return escape.AsSpan().TryCopyTo(destination);
        }
    }
}
