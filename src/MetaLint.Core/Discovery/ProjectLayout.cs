using System.Text.Json;
using MetaLint.Core.IO;

namespace MetaLint.Core.Discovery;

/// What sfdx-project.json says about where metadata lives; absent or unreadable files mean "walk everything".
/// PackageDirectories are relative to the project folder, checked to stay inside it, each once.
internal sealed record ProjectLayout(IReadOnlyList<string> PackageDirectories, IReadOnlyList<string> Problems)
{
    public const string FileName = "sfdx-project.json";

    public static ProjectLayout Read(string root)
    {
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path)) return new([], []);
        try
        {
            using var stream = InputFile.OpenRead(path, InputFile.DefaultConfigLimit, FileName);
            using var doc = JsonDocument.Parse(stream, JsonInput.Options);
            var dirs = new List<string>();
            var problems = new List<string>();
            if (doc.RootElement.ValueKind == JsonValueKind.Object &&
                doc.RootElement.TryGetProperty("packageDirectories", out var pkgs) &&
                pkgs.ValueKind == JsonValueKind.Array)
            {
                foreach (var pkg in pkgs.EnumerateArray())
                    if (pkg.ValueKind == JsonValueKind.Object &&
                        pkg.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String &&
                        !string.IsNullOrWhiteSpace(p.GetString()))
                    {
                        var dir = Normalise(p.GetString()!);
                        if (dir.Length > 0 && ContainedPath.Problem(dir) is { } problem)   // "" is ".": the project folder
                            problems.Add($"{FileName}: package directory '{p.GetString()}' is refused ({problem}: it must be a folder inside the project); it was not analysed");
                        else if (!dirs.Contains(dir, StringComparer.Ordinal))
                            dirs.Add(dir);
                    }
            }
            return new(dirs, problems);
        }
        catch (JsonException e)
        {
            return new([], [$"{FileName}: not valid JSON: {JsonInput.Problem(e).TrimEnd('.')}; walking every folder instead"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new([], [$"{FileName}: {e.Message}; walking every folder instead"]);
        }
    }

    /// Windows separators become '/', "./" components and a trailing '/' go; "..", absolute and drive forms stay
    /// for ContainedPath.Problem to refuse.
    private static string Normalise(string dir)
    {
        var slashed = dir.Trim().Replace('\\', '/');
        var parts = slashed.Split('/').Where((part, i) => part != "." && !(part == "" && i > 0));
        return (slashed.StartsWith('/') ? "/" : "") + string.Join('/', parts.Where(part => part != ""));
    }
}
