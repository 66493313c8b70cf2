namespace MetaLint.Core;

/// How far a run has got; updated by the pipeline from several threads, read by whoever displays it.
internal sealed class AnalysisProgress
{
    private int _parsed;

    /// Files to parse; 0 until discovery has finished.
    public int FilesTotal { get; internal set; }
    public int FilesParsed => Volatile.Read(ref _parsed);

    /// A parse pass begins (git modes make two: base and head).
    internal void Start(int files)
    {
        Volatile.Write(ref _parsed, 0);
        FilesTotal = files;
    }

    internal void Parsed() => Interlocked.Increment(ref _parsed);
}
