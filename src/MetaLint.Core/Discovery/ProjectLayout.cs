using System.Text.Json;

namespace MetaLint.Core.Discovery;

/// What sfdx-project.json says about where metadata lives; absent or unreadable files mean "walk everything".
public sealed record ProjectLayout(IReadOnlyList<string> PackageDirectories, string? Problem)
{
    public const string FileName = "sfdx-project.json";

    public static ProjectLayout Read(string root)
    {
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path)) return new([], null);
        try
        {
            using var stream = File.OpenRead(path);
            using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
            var dirs = new List<string>();
            if (doc.RootElement.ValueKind == JsonValueKind.Object &&
                doc.RootElement.TryGetProperty("packageDirectories", out var pkgs) &&
                pkgs.ValueKind == JsonValueKind.Array)
            {
                foreach (var pkg in pkgs.EnumerateArray())
                    if (pkg.ValueKind == JsonValueKind.Object &&
                        pkg.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String &&
                        !string.IsNullOrWhiteSpace(p.GetString()))
                        dirs.Add(p.GetString()!.Replace('\\', '/').Trim('/'));
            }
            return new(dirs, null);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return new([], $"{FileName}: {e.Message}; walking every folder instead");
        }
    }
}
