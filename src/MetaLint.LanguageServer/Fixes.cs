using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MetaLint.Core.Model;
using MetaLint.Core.Reporting;
using MetaLint.Core.Rules;

namespace MetaLint.LanguageServer;

/// What the editor shows and offers for a finding: the hover text from the rule's page and the code actions.
internal static partial class Fixes
{
    public const string SetToFalse = "Set to false";
    public const string OpenDocumentationCommand = "metalint.server.openDocumentation";

    /// Markdown for a rule: "**ML1001: Modify All Data granted**", then the page's "Why it matters" and
    /// "How to fix" sections, then a link to the page.
    public static string Hover(RuleDescriptor rule)
    {
        var page = RuleDocs.Markdown(rule.Id) ?? "";
        var heading = page.Split('\n', 2)[0];
        var title = heading.StartsWith("# ", StringComparison.Ordinal) ? heading[2..].Trim() : $"{rule.Id}: {rule.Title}";
        var parts = new List<string> { $"**{title}**" };
        foreach (var name in (string[])["Why it matters", "How to fix"])
            if (Section(page, name) is { } body) parts.Add($"#### {name}\n{body}");
        parts.Add($"[{rule.Id} documentation]({rule.HelpUri})");
        return string.Join("\n\n", parts);
    }

    private static string? Section(string page, string name)
    {
        var marker = $"\n## {name}\n";
        var at = page.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        at += marker.Length;
        var end = page.IndexOf("\n## ", at, StringComparison.Ordinal);
        return page[at..(end < 0 ? page.Length : end)].Trim();
    }

    /// The code actions for one MetaLint diagnostic (as the client sent it back) in the document's current text.
    public static IEnumerable<JsonObject> For(TextDocument doc, JsonElement diagnostic)
    {
        if (diagnostic.TryGetProperty("source", out var source) && source.GetString() != "metalint") yield break;
        if (!diagnostic.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String) yield break;
        if (RuleCatalog.Find(code.GetString()!) is not { } rule) yield break;
        var id = rule.Descriptor.Id;
        var range = diagnostic.GetProperty("range");
        var start = TextDocument.Offset(doc.Text, range.GetProperty("start"));
        var end = TextDocument.Offset(doc.Text, range.GetProperty("end"));

        if (rule.Descriptor.Category == RuleCategory.Permissions && GrantElement(doc.Text, start, end) is { } grant)
            yield return Action(SetToFalse, diagnostic, doc.Uri, grant.Start, grant.End, "false", doc, preferred: true);

        if (id != "ML0001")
        {
            var line = range.GetProperty("start").GetProperty("line").GetInt32();
            var indent = LeadingWhitespace().Match(doc.Line(line)).Value;
            var comment = $"{indent}<!-- {InlineDirective.Keyword} {id}: TODO give the reason -->{doc.LineBreak}";
            var at = TextDocument.LineStart(doc.Text, line);
            if (at >= 0) yield return Action($"Suppress {id} on this line", diagnostic, doc.Uri, at, at, comment, doc);
        }

        yield return new JsonObject
        {
            ["title"] = $"Open documentation for {id}",
            ["kind"] = "quickfix",
            ["diagnostics"] = new JsonArray(JsonNode.Parse(diagnostic.GetRawText())),
            ["command"] = new JsonObject
            {
                ["title"] = $"Open documentation for {id}",
                ["command"] = OpenDocumentationCommand,
                ["arguments"] = new JsonArray(rule.Descriptor.HelpUri),
            },
        };
    }

    /// The value of the element that grants what the finding points at, as an offset range: the element itself
    /// when the finding covers a `<flag>true</flag>` (object permission flags), else the `<enabled>` of the
    /// enclosing block (a `<userPermissions>` finding points at its `<name>`). Null when there is none to flip.
    private static (int Start, int End)? GrantElement(string text, int start, int end)
    {
        if (end > start && TrueElement().Match(text, start, end - start) is { Success: true } own)
            return (own.Groups["value"].Index, own.Groups["value"].Index + own.Groups["value"].Length);
        // The enclosing block: the nearest opening tag before the finding whose closing tag comes after it.
        var open = text.LastIndexOf("<userPermissions>", start, StringComparison.Ordinal);
        if (open < 0) return null;
        var close = text.IndexOf("</userPermissions>", open, StringComparison.Ordinal);
        if (close < end) return null;
        var enabled = EnabledTrue().Match(text, open, close - open);
        return enabled.Success
            ? (enabled.Groups["value"].Index, enabled.Groups["value"].Index + enabled.Groups["value"].Length)
            : null;
    }

    private static JsonObject Action(string title, JsonElement diagnostic, string uri, int start, int end, string newText,
        TextDocument doc, bool preferred = false)
    {
        var action = new JsonObject
        {
            ["title"] = title,
            ["kind"] = "quickfix",
            ["diagnostics"] = new JsonArray(JsonNode.Parse(diagnostic.GetRawText())),
            ["edit"] = new JsonObject
            {
                ["changes"] = new JsonObject
                {
                    [uri] = new JsonArray(new JsonObject
                    {
                        ["range"] = new JsonObject { ["start"] = Position(doc.Text, start), ["end"] = Position(doc.Text, end) },
                        ["newText"] = newText,
                    }),
                },
            },
        };
        if (preferred) action["isPreferred"] = true;
        return action;
    }

    /// The LSP position of a UTF-16 offset.
    public static JsonObject Position(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonObject { ["line"] = line, ["character"] = offset - lineStart };
    }

    [GeneratedRegex(@"^[ \t]*")]
    private static partial Regex LeadingWhitespace();

    [GeneratedRegex(@"\A\s*<(?<tag>[A-Za-z]+)>\s*(?<value>true|1)\s*</\k<tag>>", RegexOptions.IgnoreCase)]
    private static partial Regex TrueElement();

    [GeneratedRegex(@"<enabled>\s*(?<value>true|1)\s*</enabled>", RegexOptions.IgnoreCase)]
    private static partial Regex EnabledTrue();
}
