using System.Globalization;
using System.Text.Json;
using System.Xml;
using MetaLint.Core.IO;

namespace MetaLint.Core.Baselines;

/// Reads a baseline in either form, told apart by content: '&lt;' starts the Salesforce XML, '[' the JSON array.
internal static class BaselineLoader
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static readonly string[] Containers =
        [.. Enum.GetValues<RiskGroup>().Select(r => r.Container())];

    public static Baseline Load(string path)
    {
        byte[] bytes;
        try { bytes = InputFile.ReadAllBytes(path, InputFile.DefaultConfigLimit, "baseline"); }
        catch (InputFileException e) { throw new BaselineException(path, "", e.Message); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException(path, "", $"cannot read the file: {e.Message}");
        }
        return Parse(bytes, path, System.IO.Path.GetFileName(path));
    }

    /// The form of a baseline's content, from its first significant character; null when neither.
    public static BaselineForm? Detect(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        foreach (var b in text)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b switch { (byte)'<' => BaselineForm.Xml, (byte)'[' or (byte)'{' => BaselineForm.Json, _ => null };
        }
        return null;
    }

    /// <param name="file">How messages name the file.</param>
    /// <param name="source">How findings name who set a value.</param>
    public static Baseline Parse(byte[] bytes, string file, string source) => Detect(bytes) switch
    {
        BaselineForm.Xml => ParseXml(bytes, file, source),
        BaselineForm.Json => ParseJson(bytes, file, source),
        _ => throw new BaselineException(file, "", "not a baseline: expected the Salesforce XML (<baseline>) or a JSON array"),
    };

    private static Baseline ParseXml(byte[] bytes, string file, string source)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), XmlSettings);
            var li = (IXmlLineInfo)reader;
            reader.MoveToContent();
            if (reader.LocalName != "baseline")
                throw new BaselineException(file, $"line {li.LineNumber}", $"root element must be <baseline>, found <{reader.Name}>");
            var name = reader.GetAttribute("name");
            var developerName = reader.GetAttribute("developerName");
            var settings = new List<BaselineSetting>();
            if (reader.IsEmptyElement) { reader.Read(); }
            else
            {
                reader.Read();
                while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
                {
                    if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
                    var index = Array.IndexOf(Containers, reader.LocalName);
                    if (index < 0)
                        throw new BaselineException(file, $"line {li.LineNumber} <{reader.Name}>",
                            $"unknown element; <baseline> holds only {string.Join(", ", Containers.Select(c => $"<{c}>"))}");
                    ReadContainer(reader, li, (RiskGroup)index, file, source, settings);
                }
            }
            while (reader.Read()) { }
            return new Baseline(name is { Length: > 0 } ? name : System.IO.Path.GetFileNameWithoutExtension(file),
                developerName, BaselineForm.Xml, file, settings);
        }
        catch (XmlException e)
        {
            var problem = e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "the file contains a DTD, which baselines never do and MetaLint does not process"
                : $"not well-formed XML: {e.Message}";
            throw new BaselineException(file, $"line {Math.Max(e.LineNumber, 1)}", problem);
        }
    }

    private static void ReadContainer(XmlReader reader, IXmlLineInfo li, RiskGroup risk, string file, string source,
        List<BaselineSetting> settings)
    {
        if (reader.IsEmptyElement) { reader.Read(); return; }
        reader.Read();
        while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            var line = li.LineNumber;
            var element = reader.LocalName switch
            {
                "booleanSetting" => BaselineXmlElement.Boolean,
                "numericRangeSetting" => BaselineXmlElement.NumericRange,
                "enumSetting" => BaselineXmlElement.Enum,
                _ => throw new BaselineException(file, $"line {line} <{reader.Name}>",
                    "unknown setting element; expected <booleanSetting>, <numericRangeSetting> or <enumSetting>"),
            };
            var setting = new BaselineSetting(reader.GetAttribute("name")?.Trim() ?? "", risk, BaselineForm.Xml,
                new BaselineOrigin(file, line, 0))
            {
                Source = source,
                Element = element,
                Compliant = reader.GetAttribute("compliant"),
                Warning = reader.GetAttribute("warning"),
                Critical = reader.GetAttribute("critical"),
                NonCompliant = reader.GetAttribute("nonCompliant"),
            };
            var problem = Validate(setting);
            if (problem != null)
                throw new BaselineException(file, $"line {line} <{reader.Name} name=\"{setting.Key}\">", problem);
            settings.Add(setting);
            reader.Skip();
        }
        reader.Read();
    }

    /// What makes an XML-form entry unusable, or null.
    internal static string? Validate(BaselineSetting s)
    {
        if (s.Key.Length == 0) return "the name attribute is missing or empty";
        switch (s.Element)
        {
            case BaselineXmlElement.Boolean:
                if (s.Compliant == null || SettingCatalog.ParseBool(s.Compliant) == null || s.Compliant.Trim() is "1" or "0")
                    return $"compliant must be true or false, not {Quote(s.Compliant)}";
                if (BaselineSetting.ParseStatus(s.NonCompliant) == null)
                    return $"nonCompliant must be warning or critical, not {Quote(s.NonCompliant)}";
                return null;
            case BaselineXmlElement.NumericRange:
                if (BaselineSetting.Number(s.Compliant) == null) return $"compliant must be a number, not {Quote(s.Compliant)}";
                if (BaselineSetting.Number(s.Warning) == null) return $"warning must be a number, not {Quote(s.Warning)}";
                return null;
            case BaselineXmlElement.Enum:
                if (BaselineSetting.List(s.Compliant).Count == 0) return "compliant must list at least one value";
                return null;
            default:
                return "unknown setting element";
        }
    }

    private static string Quote(string? value) => value == null ? "nothing (attribute missing)" : $"\"{value}\"";

    private static Baseline ParseJson(byte[] bytes, string file, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                MaxDepth = MaxJsonDepth,
            });
        }
        catch (JsonException e)
        {
            throw new BaselineException(file, $"line {(e.LineNumber ?? 0) + 1}", $"not valid JSON: {JsonInput.Message(e)}");
        }
        using (doc)
        {
            if (Unreadable(doc.RootElement) is { } unreadable)
                throw new BaselineException(file, "", unreadable);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new BaselineException(file, "", "the JSON form is an array of { setting, group, riskType, standardValue } entries");
            var lines = EntryLines(bytes);
            var settings = new List<BaselineSetting>();
            var entry = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                entry++;
                var origin = new BaselineOrigin(file, entry - 1 < lines.Count ? lines[entry - 1] : 0, entry);
                settings.Add(ReadJsonEntry(item, origin, source));
            }
            return new Baseline(System.IO.Path.GetFileNameWithoutExtension(file), null, BaselineForm.Json, file, settings);
        }
    }

    private static BaselineSetting ReadJsonEntry(JsonElement item, BaselineOrigin origin, string source)
    {
        var where = $"entry {origin.Entry}{(origin.Line > 0 ? $" (line {origin.Line})" : "")}";
        BaselineException Fail(string problem) => new(origin.File, where, problem);
        if (item.ValueKind != JsonValueKind.Object) throw Fail("each entry must be an object");
        var setting = Text(item, "setting");
        if (string.IsNullOrWhiteSpace(setting)) throw Fail("\"setting\" is missing or empty");
        where += $" \"{setting}\"";
        var riskText = Text(item, "riskType") ?? throw Fail("\"riskType\" is missing");
        var risk = riskText.Trim().ToUpperInvariant() switch
        {
            "HIGH_RISK" => RiskGroup.High,
            "MEDIUM_RISK" => RiskGroup.Medium,
            "LOW_RISK" => RiskGroup.Low,
            "INFORMATIONAL" => RiskGroup.Informational,
            _ => throw Fail($"riskType must be HIGH_RISK, MEDIUM_RISK, LOW_RISK or INFORMATIONAL, not \"{riskText}\""),
        };
        var standardValue = Text(item, "standardValue") ?? throw Fail("\"standardValue\" is missing");
        var key = SettingCatalog.CanonicalKey(setting);
        SettingValue? standard = null;
        if (SettingCatalog.Find(key) is { } d)
            standard = ParseStandard(d, standardValue)
                       ?? throw Fail($"standardValue \"{standardValue}\" is not a value of {key} ({Describe(d)})");
        var result = new BaselineSetting(key, risk, BaselineForm.Json, origin)
        {
            Source = source,
            SettingAsWritten = setting,
            Group = Text(item, "group"),
            StandardValue = standardValue,
            Standard = standard,
        };
        if (item.TryGetProperty("xml", out var xml) && xml.ValueKind == JsonValueKind.Object)
        {
            var element = Text(xml, "element") switch
            {
                "booleanSetting" => BaselineXmlElement.Boolean,
                "numericRangeSetting" => BaselineXmlElement.NumericRange,
                "enumSetting" => BaselineXmlElement.Enum,
                var other => throw Fail($"xml.element must be booleanSetting, numericRangeSetting or enumSetting, not \"{other}\""),
            };
            result = result with
            {
                Element = element,
                Compliant = Text(xml, "compliant"),
                Warning = Text(xml, "warning"),
                Critical = Text(xml, "critical"),
                NonCompliant = Text(xml, "nonCompliant"),
            };
            if (Validate(result) is { } problem) throw Fail($"xml: {problem}");
        }
        return result;
    }

    /// A standardValue in the setting's natural unit, as a literal, or (complexity) as a code.
    public static SettingValue? ParseStandard(SettingDefinition d, string text)
    {
        var t = text.Trim();
        if (d.Type == SettingValueType.Boolean)
            return t.ToLowerInvariant() switch { "true" => SettingValue.Of(true), "false" => SettingValue.Of(false), _ => null };
        if (d.Literal(t) is { } literal) return SettingValue.Of(literal.Value, literal.Name);
        if (t is "∞" or "Infinity") return SettingValue.Of(double.PositiveInfinity);
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
            ? SettingValue.Of(n)
            : SettingCatalog.Parse(d, t);
    }

    private static string Describe(SettingDefinition d) => d.Type switch
    {
        SettingValueType.Boolean => "true or false",
        SettingValueType.Number => $"a number of {(d.Unit.Length > 0 ? d.Unit : "units")}",
        _ => (d.Unit.Length > 0 ? $"a number of {d.Unit} or " : "") + "one of " + string.Join(", ", d.Literals.Select(l => l.Name)),
    };

    /// How deeply the JSON form may nest: an array of entries whose "xml" member is an object needs three levels.
    public const int MaxJsonDepth = 16;

    /// What makes a well-formed JSON document unusable as text, or null: a string that is not valid UTF-16 (a lone
    /// surrogate written as an escape, "\uD800") or a number outside the range of a double (1e999).
    private static string? Unreadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try { element.GetString(); }
                catch (InvalidOperationException) { return $"the string {Clip(element.GetRawText())} is not valid text (a lone UTF-16 surrogate)"; }
                return null;
            case JsonValueKind.Number:
                return element.TryGetDouble(out var n) && double.IsFinite(n)
                    ? null
                    : $"the number {Clip(element.GetRawText())} is out of range";
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(Unreadable).FirstOrDefault(p => p != null);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (Unreadable(property.Value) is { } problem) return problem;
                    try { _ = property.Name; }
                    catch (InvalidOperationException) { return "a property name is not valid text (a lone UTF-16 surrogate)"; }
                }
                return null;
            default:
                return null;
        }
    }

    private static string Clip(string raw) => raw.Length <= 40 ? raw : raw[..40] + "...";

    /// A property as text: strings as written, numbers and booleans in their JSON spelling.
    private static string? Text(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
    }

    /// The 1-based line of each top-level array entry, from the token offsets.
    private static List<int> EntryLines(byte[] bytes)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var line = 1;
        long counted = 0;
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) continue;
            for (; counted < reader.TokenStartIndex; counted++)
                if (bytes[counted] == (byte)'\n') line++;
            lines.Add(line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        }
        return lines;
    }
}
