using MetaLint.Core.Model;
using MetaLint.Core.Rules;

namespace MetaLint.Core.Reporting.Sarif;

/// Result messages as SARIF message strings (§3.11.7, validator rule SARIF2002): each rule's templates with numbered
/// placeholders, and per result the template's id and its arguments. The arguments come from the finding's typed
/// facts (component kind and name, the permission, the object access, the setting); whatever a message says after
/// them (the objects a grouped result lists, the grants a Modify All Data finding covers, the standard-profile note)
/// is one trailing argument, so a template never claims more than every message it stands for. The message's text
/// stays as well (code scanning shows text) and always equals the template filled with its arguments; both end with
/// a full stop, as the validator's SARIF2001 asks of message strings.
internal sealed class SarifMessages
{
    private static readonly Dictionary<string, string> None = [];
    private readonly Dictionary<string, Dictionary<string, string>> _templates = [];

    /// Each rule's templates by id, in the order first used (deterministic: findings come sorted).
    public IReadOnlyDictionary<string, string> TemplatesFor(string ruleId) =>
        _templates.GetValueOrDefault(ruleId, None);

    /// The message id, arguments and text for a finding, registering its rule's template on first use.
    public (string Id, string[] Arguments, string Text) For(Finding f)
    {
        var message = f.Message.EndsWith('.') ? f.Message[..^1] : f.Message;
        var (id, template, arguments) = Shape(f, message);
        template += ".";
        if (!_templates.TryGetValue(f.RuleId, out var templates)) _templates[f.RuleId] = templates = [];
        // Two shapes under one name (a rule wording a fact two ways) get numbered ids.
        var unique = id;
        for (var n = 2; templates.TryGetValue(unique, out var known) && known != template; n++) unique = $"{id}{n}";
        templates[unique] = template;
        return (unique, arguments, message + ".");
    }

    private static (string Id, string Template, string[] Arguments) Shape(Finding f, string message)
    {
        var prefix = $"{f.ComponentKind.Label()} '{f.ComponentName}' ";
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
            return f.Fact is SettingFact s && Setting(message, s) is { } setting ? setting : ("default", "{0}", [message]);

        string[] component = [f.ComponentKind.Label(), f.ComponentName];
        var rest = message[prefix.Length..];
        var (what, id) = f.Fact switch
        {
            PermissionFact p => (UserPermissionLabels.Display(p.Permission), "permission"),
            ObjectAccessFact o => (o.Access.Display(), "objectAccess"),
            _ => ("", ""),
        };
        var at = what.Length == 0 ? -1 : rest.IndexOf(what, StringComparison.Ordinal);
        if (at < 0) return ("component", "{0} '{1}' {2}", [.. component, rest]);

        var phrase = Literal(rest[..at]);
        var tail = rest[(at + what.Length)..];
        if (f.Fact is ObjectAccessFact && tail.StartsWith(" on ", StringComparison.Ordinal))
            return (id, $"{{0}} '{{1}}' {phrase}{{2}} on {{3}}", [.. component, what, tail[" on ".Length..]]);
        return tail.Length == 0
            ? (id, $"{{0}} '{{1}}' {phrase}{{2}}", [.. component, what])
            : (id + "WithNote", $"{{0}} '{{1}}' {phrase}{{2}}{{3}}", [.. component, what, tail]);
    }

    /// "{where}: {element} is {value}; {what the baseline wants}", or "{where}: {value}; ..." when the value reads
    /// as a sentence of its own, or "{where}: {element} is not set ..." for a missing setting.
    private static (string, string, string[])? Setting(string message, SettingFact s)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0) return null;
        var where = message[..colon];
        var rest = message[(colon + 2)..];
        if (s.Value == null)
        {
            var notSet = $"{s.Key} is not set";
            return rest.StartsWith(notSet, StringComparison.Ordinal)
                ? ("settingNotSet", "{0}: {1} is not set{2}", [where, s.Key, rest[notSet.Length..]])
                : null;
        }
        var named = $"{s.Element} is {s.Value}; ";
        if (rest.StartsWith(named, StringComparison.Ordinal))
            return ("setting", "{0}: {1} is {2}; {3}", [where, s.Element, s.Value, rest[named.Length..]]);
        if (rest.StartsWith(s.Value + "; ", StringComparison.Ordinal))
            return ("settingValue", "{0}: {1}; {2}", [where, s.Value, rest[(s.Value.Length + 2)..]]);
        return null;
    }

    /// Literal text in a template doubles its braces (§3.11.5).
    private static string Literal(string text) =>
        text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
