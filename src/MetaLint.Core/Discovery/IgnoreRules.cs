using System.Text;
using System.Text.RegularExpressions;
using MetaLint.Core.IO;

namespace MetaLint.Core.Discovery;

/// Gitignore-style exclusion (.forceignore plus rules.yml `exclude`), matched on root-relative paths.
/// The patterns come from the repository under review, so they are compiled into regular expressions run by .NET's
/// non-backtracking engine: matching is linear in the path length whatever the patterns (a 23-byte pattern of stars
/// cannot make it backtrack). Consecutive patterns share one expression per chunk of 32, built on first use, so
/// 10,000 lines cost ~300 linear matches per path, not 10,000; a chunk that matches and mixes `!` with plain
/// patterns is then asked pattern by pattern which matched last.
/// Semantics (gitignore): `#` comments, `!` re-includes, a trailing `/` matches folders only, a pattern with a `/`
/// other than a trailing one is anchored to the root (otherwise it matches at any depth), `*` and `?` stay within
/// a path segment, `**` spans segments, `[...]` classes, `\` escapes; the last matching pattern wins, and a path
/// inside an ignored folder is ignored (a folder that is ignored cannot have its content re-included).
internal sealed class IgnoreRules
{
    private const RegexOptions Options =
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.ExplicitCapture;

    private const int ChunkSize = 32;

    /// The patterns in file order, 32 to a chunk.
    private readonly Chunk[] _chunks;

    private readonly bool _hasNegation;

    public IgnoreRules(IEnumerable<string> patterns)
    {
        var parsed = patterns.Select(Pattern.Parse).OfType<Pattern>().ToList();
        _hasNegation = parsed.Any(p => p.Negated);
        _chunks = [.. parsed.Chunk(ChunkSize).Select(c => new Chunk(c))];
    }

    /// The .forceignore of a project folder (none when absent). It is repository content, so it is read through
    /// InputFile: a FIFO, a device or an oversize file is refused with an InputFileException, never read.
    public static IgnoreRules ForceIgnore(string projectDir)
    {
        var path = Path.Combine(projectDir, ".forceignore");
        if (InputFile.Kind(path, followLinks: false) == FileKind.Missing) return new IgnoreRules([]);
        try
        {
            return new IgnoreRules(InputFile.ReadAllText(path, InputFile.DefaultConfigLimit, ".forceignore")
                .Split('\n'));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException and not InputFileException)
        {
            throw new InputFileException($".forceignore '{path}' cannot be read: {e.Message}");
        }
    }

    /// True when the path or any folder above it is excluded.
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        if (_chunks.Length == 0 || relativePath.Length == 0) return false;
        if (!_hasNegation)
        {
            // Without negations, "the path or a folder above it matches" is one expression per chunk.
            foreach (var chunk in _chunks)
                if (chunk.Matches(relativePath, isDirectory, anyLevel: true)) return true;
            return false;
        }
        // With negations the answer depends on which folder level matched last, so each folder is checked exactly.
        for (var end = relativePath.IndexOf('/'); end >= 0; end = relativePath.IndexOf('/', end + 1))
            if (IsIgnoredEntry(relativePath[..end], isDirectory: true)) return true;
        return IsIgnoredEntry(relativePath, isDirectory);
    }

    /// Checks one entry during a walk whose parent folders were already checked.
    public bool IsIgnoredEntry(string relativePath, bool isDirectory)
    {
        for (var i = _chunks.Length - 1; i >= 0; i--)
            if (_chunks[i].Matches(relativePath, isDirectory, anyLevel: false))
                return !_chunks[i].LastMatch(relativePath, isDirectory).Negated;
        return false;
    }

    /// Up to 32 consecutive patterns; each expression is built on first use (a benign race when threads share it).
    private sealed class Chunk(Pattern[] patterns)
    {
        /// Indexed by (anyLevel ? 2 : 0) + (directory ? 1 : 0).
        private readonly Regex[]?[] _alternations = new Regex[]?[4];
        private readonly Regex[]?[] _single = new Regex[]?[patterns.Length * 2];
        private readonly bool _uniform = patterns.All(p => p.Negated == patterns[0].Negated);

        public bool Matches(string path, bool directory, bool anyLevel) =>
            Any(_alternations[(anyLevel ? 2 : 0) + (directory ? 1 : 0)] ??= Compile(patterns, directory, anyLevel), path);

        /// The last pattern that matches path itself; called when Matches(path, directory, false) is true.
        public Pattern LastMatch(string path, bool directory)
        {
            if (_uniform) return patterns[^1];
            for (var i = patterns.Length - 1; i >= 0; i--)
                if (Any(_single[i * 2 + (directory ? 1 : 0)] ??= Compile([patterns[i]], directory, anyLevel: false), path))
                    return patterns[i];
            return patterns[^1];
        }
    }

    /// The patterns as alternations (as few as the engine's automaton-size limit allows); empty when none applies.
    /// anyLevel: also match everything below a match.
    private static Regex[] Compile(IEnumerable<Pattern> patterns, bool directory, bool anyLevel)
    {
        var alternatives = patterns
            .Where(p => directory || anyLevel || !p.DirectoryOnly)
            .Select(p => anyLevel && p.DirectoryOnly && !directory ? $"{p.Body}/.*" : anyLevel ? $"{p.Body}(/.*)?" : p.Body)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var compiled = new List<Regex>();
        Split(alternatives, compiled);
        return [.. compiled];
    }

    /// Compiles the alternatives as one expression, or halves them until each half fits the engine's limit.
    private static void Split(List<string> alternatives, List<Regex> compiled)
    {
        if (alternatives.Count == 0) return;
        try { compiled.Add(new Regex($"^(?:{string.Join("|", alternatives)})$", Options)); }
        catch (NotSupportedException) when (alternatives.Count > 1)
        {
            var half = alternatives.Count / 2;
            Split(alternatives.GetRange(0, half), compiled);
            Split(alternatives.GetRange(half, alternatives.Count - half), compiled);
        }
        catch (NotSupportedException)
        {
            var pattern = alternatives[0];
            throw new ArgumentException("an ignore pattern is too complex to match safely (shorten it): " +
                (pattern.Length <= 100 ? pattern : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pattern[..100]}... ({pattern.Length:N0} characters)")));
        }
    }

    private static bool Any(Regex[] regexes, string path)
    {
        foreach (var regex in regexes)
            if (regex.IsMatch(path)) return true;
        return false;
    }

    /// One gitignore line as a regular expression body (no anchors), or null for blanks and comments.
    private sealed record Pattern(string Body, bool Negated, bool DirectoryOnly)
    {
        public static Pattern? Parse(string line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) return null;
            var negated = text.StartsWith('!');
            if (negated) text = text[1..];
            var directoryOnly = text.EndsWith('/') && !text.EndsWith("\\/", StringComparison.Ordinal);
            text = text.TrimEnd('/');
            var anchored = text.Contains('/');
            text = text.TrimStart('/');
            if (text.Length == 0) return null;

            var body = new StringBuilder(anchored ? "" : "(.*/)?");
            var segments = text.Split('/');
            var separator = false;
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i] == "**")
                {
                    body.Append(i == segments.Length - 1 ? (i == 0 ? ".*" : "/.*") : i == 0 ? "(.*/)?" : "(/.*)?/");
                    separator = false;
                    continue;
                }
                if (separator) body.Append('/');
                Segment(segments[i], body);
                separator = true;
            }
            return new Pattern(body.ToString(), negated, directoryOnly);
        }

        /// One path segment: `*` and `?` never cross a `/`, `[...]` is a class, `\x` is x.
        private static void Segment(string segment, StringBuilder body)
        {
            for (var i = 0; i < segment.Length; i++)
            {
                var c = segment[i];
                switch (c)
                {
                    case '*':
                        while (i + 1 < segment.Length && segment[i + 1] == '*') i++;
                        body.Append("[^/]*");
                        break;
                    case '?':
                        body.Append("[^/]");
                        break;
                    case '\\' when i + 1 < segment.Length:
                        body.Append(Regex.Escape(segment[++i].ToString()));
                        break;
                    case '[' when Class(segment, i) is var (cls, end) && end > 0:
                        body.Append(cls);
                        i = end;
                        break;
                    default:
                        body.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }
        }

        /// A `[...]` class starting at start as a .NET class that never matches `/`, and the index of its `]`;
        /// end 0 when the bracket is not closed (then it is a literal `[`). Members are written as escaped code
        /// points, so nothing in the pattern is read as .NET class syntax; a reversed range matches nothing.
        private static (string Class, int End) Class(string segment, int start)
        {
            var i = start + 1;
            var negate = i < segment.Length && segment[i] is '!' or '^';
            if (negate) i++;
            var members = new StringBuilder();
            for (var first = true; i < segment.Length; first = false)
            {
                if (segment[i] == ']' && !first)
                    return (members.Length > 0 ? $"[{(negate ? "^" : "")}{members}-[/]]" : negate ? "[^/]" : "[^\\s\\S]", i);
                var low = Member(segment, ref i);
                var high = low;
                if (i + 1 < segment.Length && segment[i] == '-' && segment[i + 1] != ']')
                {
                    i++;
                    high = Member(segment, ref i);
                }
                if (low <= high) members.Append($"\\u{(int)low:X4}-\\u{(int)high:X4}");
            }
            return ("", 0);
        }

        private static char Member(string segment, ref int i)
        {
            if (segment[i] == '\\' && i + 1 < segment.Length) i++;
            return segment[i++];
        }
    }
}
