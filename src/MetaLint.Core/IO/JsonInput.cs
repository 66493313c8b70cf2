using System.Text.Json;

namespace MetaLint.Core.IO;

/// How MetaLint reads JSON that comes from the repository (baselines, accepted findings, sfdx-project.json):
/// bounded nesting, comments and trailing commas allowed, and errors as one readable sentence.
internal static class JsonInput
{
    public static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    /// "line 3, column 7: 'x' is an invalid start of a value": System.Text.Json's message without the
    /// "Path: $ | LineNumber: 2 | BytePositionInLine: 6." tail, which counts from 0.
    public static string Problem(JsonException e) =>
        (e.LineNumber is { } line
            ? $"line {line + 1}{(e.BytePositionInLine is { } column ? $", column {column + 1}" : "")}: "
            : "") + Message(e);

    /// The message alone, without the position tail.
    public static string Message(JsonException e)
    {
        var message = e.Message;
        foreach (var tail in (string[])[" Path:", " LineNumber:"])
            if (message.IndexOf(tail, StringComparison.Ordinal) is var at and > 0) message = message[..at];
        return message.Trim();
    }
}
