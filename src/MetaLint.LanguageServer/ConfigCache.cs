using MetaLint.Core.Configuration;
using MetaLint.Core.IO;

namespace MetaLint.LanguageServer;

/// rules.yml files, parsed once per content instead of once per keystroke: an open buffer's text stands in for the
/// file; otherwise the file is read again only when its size or modification time changed. Reads are bounded like
/// the CLI's (InputFile, the configuration cap). Thread-safe.
internal sealed class ConfigCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _unsaved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _parsed = new(StringComparer.Ordinal);

    /// A parse outcome and what it was parsed from: the buffer's text, or the file's size and time.
    private sealed record Entry(object Source, MetaLintConfig? Config, ConfigException? Error);

    /// The configuration in path; throws the ConfigException `metalint check` would stop at.
    public MetaLintConfig Get(string path)
    {
        string? unsaved;
        lock (_lock) _unsaved.TryGetValue(path, out unsaved);
        object source = unsaved != null ? unsaved : Stamp(path);
        lock (_lock)
        {
            if (_parsed.TryGetValue(path, out var hit) && Equals(hit.Source, source)) return hit.Config ?? throw hit.Error!;
        }
        Entry entry;
        try
        {
            var text = unsaved ?? ReadFile(path);
            entry = new Entry(source, ConfigLoader.Parse(text, path), null);
        }
        catch (ConfigException e) { entry = new Entry(source, null, e); }
        lock (_lock) _parsed[path] = entry;
        return entry.Config ?? throw entry.Error!;
    }

    private static string ReadFile(string path)
    {
        try { return InputFile.ReadAllText(path, InputFile.DefaultConfigLimit, ConfigLoader.FileName); }
        catch (InputFileException e) { throw new ConfigException(path, 1, 1, e.Message); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, 1, 1, $"cannot read the file: {e.Message}");
        }
    }

    internal static (long Length, DateTime Written) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }

    /// An editor buffer of path: its text is used instead of the file's until Forget.
    public void SetUnsaved(string path, string text)
    {
        lock (_lock) _unsaved[path] = text;
    }

    public void Forget(string path)
    {
        lock (_lock)
        {
            _unsaved.Remove(path);
            _parsed.Remove(path);
        }
    }

    /// Drops what was read from disk (a watched file changed); open buffers stay.
    public void Clear()
    {
        lock (_lock) _parsed.Clear();
    }
}

/// The --baseline file, parsed once per content (size and modification time), read through InputFile. Thread-safe.
internal sealed class BaselineCache(string path)
{
    private readonly Lock _lock = new();
    private ((long, DateTime) Stamp, Core.Baselines.Baseline? Baseline, Core.Baselines.BaselineException? Error)? _last;

    /// The baseline; throws the BaselineException `metalint check --baseline` would stop at.
    public Core.Baselines.Baseline Get()
    {
        var stamp = ConfigCache.Stamp(path);
        lock (_lock)
        {
            if (_last is { } hit && hit.Stamp == stamp) return hit.Baseline ?? throw hit.Error!;
        }
        Core.Baselines.Baseline? baseline = null;
        Core.Baselines.BaselineException? error = null;
        try
        {
            var bytes = InputFile.ReadAllBytes(path, InputFile.DefaultConfigLimit, "baseline");
            baseline = Core.Baselines.BaselineLoader.Parse(bytes, path, Path.GetFileName(path));
        }
        catch (Core.Baselines.BaselineException e) { error = e; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new Core.Baselines.BaselineException(path, "", e.Message);
        }
        lock (_lock) _last = (stamp, baseline, error);
        return baseline ?? throw error!;
    }

    public void Clear()
    {
        lock (_lock) _last = null;
    }
}
