using System.Text;
using System.Text.Json;
using System.Xml;

using MetaLint.Core.IO;

namespace MetaLint.Core.Baselines;

/// Writes a baseline in either form. XML -> JSON keeps each entry's XML attributes under "xml", so converting back
/// loses nothing; a JSON entry without them gets bands built from standardValue (see XmlBands).
internal static class BaselineWriter
{
    public static string ToJson(Baseline baseline, ICollection<string>? warnings = null)
    {
        var json = JsonText.Write(w =>
        {
            w.WriteStartArray();
            foreach (var s in baseline.Settings)
            {
                var xml = s.Element != null ? s : XmlBands(s, warnings);
                w.WriteStartObject();
                w.WriteString("setting", s.SettingAsWritten ?? s.Definition?.FriendlyName ?? s.Key);
                w.WriteString("group", s.Group ?? GroupLabel(s.Key));
                w.WriteString("riskType", s.Risk.RiskType());
                w.WriteString("standardValue", s.StandardValue ?? StandardValue(xml));
                w.WriteStartObject("xml");
                w.WriteString("element", xml.Element!.Value.ElementName());
                WriteIfSet(w, "compliant", xml.Compliant);
                WriteIfSet(w, "warning", xml.Warning);
                WriteIfSet(w, "critical", xml.Critical);
                WriteIfSet(w, "nonCompliant", xml.NonCompliant);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
        return json;
    }

    /// <param name="name">The baseline's name; Health Check refuses to import "SFDC recommended".</param>
    public static string ToXml(Baseline baseline, string name, string developerName, ICollection<string>? warnings = null)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings
        {
            OmitXmlDeclaration = true, Indent = true, IndentChars = "", NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        }))
        {
            const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
            w.WriteStartElement("baseline");
            w.WriteAttributeString("xmlns", "xsi", null, xsi);
            w.WriteAttributeString("name", name);
            w.WriteAttributeString("developerName", developerName);
            w.WriteAttributeString("noNamespaceSchemaLocation", xsi, "security-risk-baseline.xsd");
            foreach (var risk in Enum.GetValues<RiskGroup>())
            {
                w.WriteStartElement(risk.Container());
                foreach (var s in baseline.Settings.Where(s => s.Risk == risk))
                {
                    var xml = Bands(s, warnings);
                    w.WriteStartElement(xml.Element!.Value.ElementName());
                    w.WriteAttributeString("name", s.Key);
                    WriteIfSet(w, "compliant", xml.Compliant);
                    if (xml.Element == BaselineXmlElement.Boolean) WriteIfSet(w, "nonCompliant", xml.NonCompliant);
                    WriteIfSet(w, "warning", xml.Warning);
                    WriteIfSet(w, "critical", xml.Critical);
                    w.WriteEndElement();
                }
                w.WriteFullEndElement();
            }
            w.WriteEndElement();
        }
        return sb.ToString() + "\n";
    }

    /// The XML bands of an entry: its own for the XML form; for JSON, the kept "xml" bands when they still agree
    /// with standardValue, otherwise bands built from standardValue.
    private static BaselineSetting Bands(BaselineSetting s, ICollection<string>? warnings)
    {
        if (s.Form == BaselineForm.Xml) return s;
        if (s.Element != null)
        {
            if (Same(s, StandardValue(s))) return s;
            warnings?.Add($"{s.Origin}: standardValue \"{s.StandardValue}\" no longer matches the kept xml bands; bands rebuilt from standardValue");
        }
        return XmlBands(s, warnings);
    }

    private static bool Same(BaselineSetting s, string fromXml)
    {
        if (s.Definition is not { } d) return string.Equals(s.StandardValue?.Trim(), fromXml, StringComparison.OrdinalIgnoreCase);
        return BaselineLoader.ParseStandard(d, fromXml) is { } a && s.Standard is { } b &&
               a.Bool == b.Bool && a.Number == b.Number;
    }

    /// JSON -> XML without kept bands. JSON has one threshold and no warning tier, so MetaLint writes no warning
    /// band: every value weaker than standardValue is critical. Numbers get warning = standardValue -/+ 0.5 (a half
    /// step, as Salesforce's own file does for 0.0/0.5), so no whole value falls in the band; enums get an empty
    /// warning list and every weaker literal as critical.
    public static BaselineSetting XmlBands(BaselineSetting s, ICollection<string>? warnings)
    {
        var std = s.StandardValue?.Trim() ?? "";
        if (s.Definition is { } d && s.Standard is { } value)
        {
            switch (d.Type)
            {
                case SettingValueType.Boolean:
                    return s with { Element = BaselineXmlElement.Boolean, Compliant = value.Bool == true ? "true" : "false", NonCompliant = "critical" };
                case SettingValueType.Number:
                    var n = value.Number!.Value;
                    return s with
                    {
                        Element = BaselineXmlElement.NumericRange,
                        Compliant = BaselineText.Decimal(n),
                        Warning = BaselineText.Decimal(d.HigherIsStronger ? n - 0.5 : n + 0.5),
                    };
                default:
                    var v = value.Number!.Value;
                    return s with
                    {
                        Element = BaselineXmlElement.Enum,
                        Compliant = string.Join(",", d.Literals.Where(l => !d.Weaker(l.Value, v)).Select(l => l.Name)),
                        Warning = "",
                        Critical = string.Join(",", d.Literals.Where(l => d.Weaker(l.Value, v)).Select(l => l.Name)) is { Length: > 0 } c ? c : null,
                    };
            }
        }
        warnings?.Add($"{s.Origin}: {s.Key} is not a setting MetaLint knows; written from standardValue alone, check its bands");
        if (std is "true" or "false")
            return s with { Element = BaselineXmlElement.Boolean, Compliant = std, NonCompliant = "critical" };
        if (BaselineSetting.Number(std) is { } num)
            return s with { Element = BaselineXmlElement.NumericRange, Compliant = BaselineText.Decimal(num), Warning = BaselineText.Decimal(num) };
        return s with { Element = BaselineXmlElement.Enum, Compliant = std, Warning = "" };
    }

    /// The weakest compliant value of XML bands, in the natural unit.
    public static string StandardValue(BaselineSetting xml)
    {
        var d = xml.Definition;
        switch (xml.Element)
        {
            case BaselineXmlElement.Boolean:
                return xml.Compliant?.Trim().ToLowerInvariant() ?? "";
            case BaselineXmlElement.NumericRange:
                return BaselineSetting.Number(xml.Compliant) is { } c ? BaselineText.Natural(c) : xml.Compliant ?? "";
            default:
                var listed = BaselineSetting.List(xml.Compliant);
                if (d is not { Type: SettingValueType.Enum }) return listed.Count == 1 ? listed[0] : xml.Compliant ?? "";
                var weakest = listed.Select(d.Literal).OfType<EnumLiteral>()
                    .OrderBy(l => l.Value * (d.HigherIsStronger ? 1 : -1)).FirstOrDefault();
                if (weakest == null) return xml.Compliant ?? "";
                return d.Unit.Length > 0 && double.IsFinite(weakest.Value) ? BaselineText.Natural(weakest.Value) : weakest.Name;
        }
    }

    /// "PasswordPolicies.expiration" -> "Password Policies".
    public static string GroupLabel(string key)
    {
        var group = key.Split('.')[0];
        var sb = new StringBuilder();
        for (var i = 0; i < group.Length; i++)
        {
            if (i > 0 && char.IsUpper(group[i]) && !char.IsUpper(group[i - 1])) sb.Append(' ');
            sb.Append(group[i]);
        }
        return sb.ToString();
    }

    /// A developerName Health Check accepts (a letter, then letters and digits) from a file name.
    public static string DeveloperName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var sb = new StringBuilder();
        var upper = true;
        foreach (var ch in stem)
        {
            if (!char.IsAsciiLetterOrDigit(ch)) { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(ch) : ch);
            upper = false;
        }
        var name = sb.ToString();
        return name.Length > 0 && char.IsAsciiLetter(name[0]) ? name : "Baseline" + name;
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value != null) w.WriteString(name, value);
    }

    private static void WriteIfSet(XmlWriter w, string name, string? value)
    {
        if (value != null) w.WriteAttributeString(name, value);
    }
}
