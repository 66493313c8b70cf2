using System.Text.RegularExpressions;

namespace MetaLint.Cli;

/// System.CommandLine's parse errors as one clean line: its messages list allowed values on new lines (which the
/// stderr writer shows as \u000A) and name .NET types ("System.Int32") that mean nothing to a user.
internal static partial class UsageMessage
{
    /// option: the option the error is about, when known ("--format").
    public static string Clean(string message, string? option = null)
    {
        if (CannotParse().Match(message) is { Success: true } parse)
            return $"{parse.Groups["option"].Value} expects {Expected(parse.Groups["type"].Value)}, not '{parse.Groups["value"].Value}'";
        if (NotRecognized().Match(message) is { Success: true } choice)
        {
            var allowed = Quoted().Matches(choice.Groups["list"].Value).Select(m => m.Groups[1].Value).ToList();
            var list = allowed.Count > 1 ? $"{string.Join(", ", allowed[..^1])} or {allowed[^1]}" : string.Join("", allowed);
            return $"{option ?? "the value"} must be {list}, not '{choice.Groups["value"].Value}'";
        }
        return LineBreak().Replace(message.Trim(), " ");
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("System.Int32", StringComparison.Ordinal) || type.Contains("System.Int64", StringComparison.Ordinal)
            => "a whole number",
        _ when type.Contains("System.Double", StringComparison.Ordinal) || type.Contains("System.Decimal", StringComparison.Ordinal)
            => "a number",
        _ => "another kind of value",
    };

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<list>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotRecognized();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreak();
}
