using System.Runtime.ExceptionServices;
using MetaLint.Core.Discovery;
using MetaLint.Core.IO;
using MetaLint.Core.Model;
using MetaLint.Core.Parsing;
using MetaLint.Core.Reporting.Sarif;
using MetaLint.Core.Rules;
using MetaLint.Core.Suppressions;

namespace MetaLint.Core;

/// The pipeline behind AnalysisStream. A unit is a file, or the consecutive files that hold a decomposed permission
/// set (checked together; see Units). Units are parsed, checked, filtered (rules.yml exceptions, inline comments, then
/// the ML9xxx rules over what that rejected) and sorted on worker threads, at most AheadPerWorker units per worker
/// ahead of the reader; the reader takes them
/// in file order (a reorder buffer), which is the report order because discovery lists files by path and a unit's
/// findings lie in its own files. Once taken, a unit is dropped: its model, directives and findings are not held.
/// The reader also numbers fingerprints (Occurrences, forgetting a component after the last unit that can name it)
/// and merges in what discovery reported itself (ML0001 refusals, ML0002 links).
internal sealed class OrderedRun(DiscoveryResult discovery, IReadOnlyList<IRule> rules, AnalysisOptions options,
    Func<AnalysisStream> owner) : IEnumerable<Finding>
{
    /// Units a worker may run ahead of the reader, per worker.
    private const int AheadPerWorker = 8;

    private sealed record Unit(IReadOnlyList<SourceFile> Files);

    private sealed record Done(List<Finding> Findings, IReadOnlyList<SettingsComponent> Settings);

    public IEnumerator<Finding> GetEnumerator() => Run().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<Finding> Run()
    {
        var stream = owner();
        var engine = new RuleEngine(rules, options.Config);
        var filter = new SuppressionFilter(options.Config, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        var units = Units(discovery.Files);
        var last = new Dictionary<string, int>(StringComparer.Ordinal);   // component name -> last unit naming it
        for (var i = 0; i < units.Count; i++)
            foreach (var file in units[i].Files) last[file.ComponentName] = i;
        var early = Check([.. discovery.Refused.Concat<object>(discovery.Symlinks)], engine, filter);
        foreach (var f in early) last[f.ComponentName] = int.MaxValue;

        var occurrences = new Occurrences();
        Finding? previous = null;
        Finding Emit(Finding f)
        {
#if DEBUG
            if (previous != null && FindingOrder.Instance.Compare(previous, f) > 0)
                throw new InvalidOperationException($"findings out of report order: {previous.Path} before {f.Path}");
#endif
            previous = f;
            return occurrences.Number(f);
        }

        options.Progress?.Start(discovery.Files.Count);
        var e = 0;
        using (var workers = new Workers(units.Count, options.Jobs, i => Process(units[i], engine, filter)))
        {
            for (var i = 0; i < units.Count; i++)
            {
                var done = workers.Take(i);
                stream.Settings.AddRange(done.Settings);
                foreach (var f in done.Findings)
                {
                    while (e < early.Count && FindingOrder.Instance.Compare(early[e], f) < 0) yield return Emit(early[e++]);
                    yield return Emit(f);
                }
                foreach (var file in units[i].Files)
                    if (last.GetValueOrDefault(file.ComponentName) == i) occurrences.Forget(file.ComponentName);
            }
        }
        while (e < early.Count) yield return Emit(early[e++]);
        foreach (var (entry, count) in filter.Applied) stream.AppliedExceptions[entry] = count;
    }

    /// One unit per file, except that the files of a decomposed permission set make one unit, at its first file. A unit
    /// is a run of consecutive files: a component whose file lies inside a set's folder (a whole permission set or a
    /// profile there) sorts between the set's own files, so it joins the set's unit and their findings are sorted together.
    private static List<Unit> Units(IReadOnlyList<SourceFile> files)
    {
        var lastOfSet = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
            if (files[i].DecomposedSet is { } set) lastOfSet[set] = i;
        var units = new List<Unit>();
        for (var start = 0; start < files.Count;)
        {
            var end = start;
            for (var i = start; i <= end; i++)
                if (files[i].DecomposedSet is { } set) end = Math.Max(end, lastOfSet[set]);
            units.Add(new Unit([.. Enumerable.Range(start, end - start + 1).Select(i => files[i])]));
            start = end + 1;
        }
        return units;
    }

    /// Files up to this size keep a copy of their bytes while their unit is checked when snippets are read, so that
    /// the snippets come from memory instead of a second read of the file; larger ones are read again.
    private const int HeldForSnippets = 16 * 1024 * 1024;

    private Done Process(Unit unit, RuleEngine engine, SuppressionFilter filter)
    {
        var parsed = new List<ParsedFile>(unit.Files.Count);
        var held = new Dictionary<string, RetainingStream>(StringComparer.Ordinal);
        try
        {
            foreach (var file in unit.Files)
            {
                if (options.Unsaved != null && options.Unsaved.TryGetValue(file.FullPath, out var text))
                    parsed.Add(MetadataParser.ParseText(file, text));
                else if (options.Snippets)
                    parsed.Add(MetadataParser.Parse(file, options.MaxFileSize,
                        input => held[file.FullPath] = new RetainingStream(input, HeldForSnippets)));
                else
                    parsed.Add(MetadataParser.Parse(file, options.MaxFileSize));
                options.Progress?.Parsed();
            }
            var model = Analyzer.BuildModel(parsed);
            var findings = Check(model.Components, engine, filter);
            if (options.Snippets && findings.Count > 0)
            {
                // In report order, so each file is read forward once: from the bytes the parse kept, else from disk.
                using var source = new SnippetSource(path => held.TryGetValue(path, out var copy) ? copy.Whole : null);
                for (var i = 0; i < findings.Count; i++)
                {
                    var (snippetText, start, end, context) = source.For(findings[i]);
                    findings[i] = findings[i] with { Snippet = new SourceSnippet(snippetText, start, end, context) };
                }
            }
            return new Done(findings, model.Settings);
        }
        finally
        {
            foreach (var copy in held.Values) copy.Release();
        }
    }

    /// Rules, then suppressions, then the ML9xxx rules over what the suppression stage rejected; sorted.
    private List<Finding> Check(IEnumerable<object> components, RuleEngine engine, SuppressionFilter filter)
    {
        var raw = engine.Check(components);
        if (raw.Count == 0) return raw;
        var (findings, issues) = filter.Apply(raw, components.OfType<InlineDirective>());
        if (issues.Count > 0) findings.AddRange(engine.Check(issues));
        if (options.Only is { } only) findings.RemoveAll(f => !only.Contains(f.RuleId));
        return RuleEngine.Sort(findings);
    }

    /// Runs the units on worker threads, at most AheadPerWorker units per worker ahead of the reader, and hands them
    /// to the reader in order. One unit, or --jobs 1, runs on the reader's thread (no thread start for a pre-commit
    /// run of one file). Disposing stops the workers (a reader that stops early, or fails).
    private sealed class Workers : IDisposable
    {
        private readonly Func<int, Done> _process;
        private readonly int _count;
        private readonly Done?[] _done;
        private readonly Exception?[] _failed;
        private readonly object _gate = new();
        private readonly List<Thread> _threads = [];
        private readonly int _window;
        private int _next;
        private int _taken;
        private bool _stopped;

        public Workers(int count, int jobs, Func<int, Done> process)
        {
            _process = process;
            _count = count;
            _done = new Done?[count];
            _failed = new Exception?[count];
            var workers = Math.Min(count, jobs > 0 ? jobs : Environment.ProcessorCount);
            _window = workers * AheadPerWorker;
            if (count <= 1 || workers <= 1) return;
            for (var w = 0; w < workers; w++)
            {
                var thread = new Thread(Work) { IsBackground = true, Name = $"metalint-worker-{w}" };
                _threads.Add(thread);
                thread.Start();
            }
        }

        public Done Take(int i)
        {
            if (_threads.Count == 0) return _process(i);
            lock (_gate)
            {
                while (_done[i] == null && _failed[i] == null) Monitor.Wait(_gate);
                _taken = i + 1;
                Monitor.PulseAll(_gate);
                if (_failed[i] is { } failure) ExceptionDispatchInfo.Throw(failure);
                var done = _done[i]!;
                _done[i] = null;
                return done;
            }
        }

        private void Work()
        {
            while (true)
            {
                int i;
                lock (_gate)
                {
                    while (!_stopped && _next < _count && _next >= _taken + _window) Monitor.Wait(_gate);
                    if (_stopped || _next >= _count) return;
                    i = _next++;
                }
                Done? done = null;
                Exception? failure = null;
                try
                {
                    done = _process(i);
                }
                catch (Exception e)
                {
                    failure = e;
                }
                lock (_gate)
                {
                    _done[i] = done;
                    _failed[i] = failure;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
            foreach (var thread in _threads) thread.Join();
        }
    }
}
