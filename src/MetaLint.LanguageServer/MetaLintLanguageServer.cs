using System.Text.Json;
using System.Text.Json.Nodes;
using MetaLint.Core;
using MetaLint.Core.Configuration;
using MetaLint.Core.Discovery;
using MetaLint.Core.IO;
using MetaLint.Core.Rules;

namespace MetaLint.LanguageServer;

/// `metalint lsp`: the Language Server Protocol over a pair of streams (stdio in the CLI). A metadata file's findings
/// are published as diagnostics when it is opened, changed or saved, computed from the editor's text, not the disk,
/// with the rules.yml nearest to the file (the editor's unsaved text of it when open), exactly as `metalint check
/// FILE` would report them.
///
/// Threads: one reads messages, one handles them in order (document text, hover, code actions), one checks
/// documents. A check runs on the newest text of a document; when a newer text arrives (even one read and not yet
/// applied) while it runs, its result is dropped, so under a flood of edits the newest version's diagnostics are the
/// first to arrive.
internal sealed class MetaLintLanguageServer : IDisposable
{
    /// What `metalint lsp` was started with: --config (one rules.yml for every document, as `check --config`) and
    /// --baseline (the Health Check baseline, as `check --baseline`).
    public sealed record Options(string? ConfigPath = null, string? BaselinePath = null);

    private const int IncrementalSync = 2;
    private const int MethodNotFound = -32601, InvalidParams = -32602, InternalError = -32603, ServerNotInitialized = -32002;
    private const int Error = 1, Warning = 2, Info = 3;

    private readonly LspTransport _transport;
    private readonly object _gate = new();   // (Monitor: the checker waits on it) guards everything below that the checker also reads
    private readonly Dictionary<string, TextDocument> _open = new(StringComparer.Ordinal);   // by URI
    private readonly Dictionary<string, List<Finding>> _checked = new(StringComparer.Ordinal);   // last published, for hover
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pending = new(StringComparer.Ordinal);   // didChange read, not applied
    private readonly System.Collections.Concurrent.BlockingCollection<Incoming> _inbox = new();
    private readonly Dictionary<string, string> _configErrors = new(StringComparer.Ordinal);   // rules.yml URI -> error shown
    private readonly ConfigCache _configs = new();
    private bool _stopping, _initialized, _shutdown, _showDocument, _watchDynamically;
    private string? _shownConfigError;   // shown once, not on every keystroke
    private int _nextRequestId;

    /// During a burst (changes less than BurstGap apart: a paste, multi-cursor typing, a replay) a check waits
    /// Debounce for more before it starts, so the burst makes one check. A lone edit is checked at once.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(5), BurstGap = TimeSpan.FromMilliseconds(10);
    private long _lastChange, _previousChange;   // Stopwatch timestamps of the two latest changes

    private readonly Options _options;
    private readonly BaselineCache? _baseline;
    private string? _shownBaselineError;

    public MetaLintLanguageServer(Stream input, Stream output, Options? options = null)
    {
        _transport = new LspTransport(input, output, InputFile.DefaultMetadataLimit + 1024 * 1024);
        _options = options ?? new Options();
        if (_options.ConfigPath != null) _options = _options with { ConfigPath = Path.GetFullPath(_options.ConfigPath) };
        if (_options.BaselinePath is { } baseline) _baseline = new BaselineCache(Path.GetFullPath(baseline));
    }

    private string? ConfigFor(string path) => ConfigLoader.Locate(_options.ConfigPath, path);

    /// Serves until the client sends exit (0 after shutdown, 1 without) or closes the stream (1), as LSP specifies.
    public Task<int> RunAsync()
    {
        new Thread(CheckLoop) { IsBackground = true, Name = "metalint lsp checks" }.Start();
        new Thread(ReceiveLoop) { IsBackground = true, Name = "metalint lsp input" }.Start();
        return Task.Factory.StartNew(() =>
        {
            try { return HandleLoop(); }
            finally
            {
                lock (_gate) { _stopping = true; Monitor.PulseAll(_gate); }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Dispose()
    {
        lock (_gate) { _stopping = true; Monitor.PulseAll(_gate); }
    }

    /// Reads messages as fast as they come, apart from handling them, and counts the changes not yet applied per
    /// document: a check whose document has one waiting is stale before it is published.
    private void ReceiveLoop()
    {
        try
        {
            while (_transport.Read() is { } incoming)
            {
                if (ChangedUri(incoming) is { } uri)
                    lock (_gate) _pending[uri] = _pending.GetValueOrDefault(uri) + 1;
                _inbox.Add(incoming);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }   // the client has gone
        finally { _inbox.CompleteAdding(); }
    }

    private static string? ChangedUri(Incoming incoming) =>
        incoming is Received { Root: var m }
        && m.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
        && method.GetString() == "textDocument/didChange"
        && m.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object
        && p.TryGetProperty("textDocument", out var doc) && doc.ValueKind == JsonValueKind.Object
        && doc.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()
            : null;

    private int HandleLoop()
    {
        foreach (var incoming in _inbox.GetConsumingEnumerable())
        {
            if (incoming is Malformed bad)
            {
                Log(Error, $"metalint: a malformed message was ignored: {bad.Problem}");
                Reply(null, error: (bad.Code, bad.Problem));
                continue;
            }
            var message = ((Received)incoming).Root;
            if (Handle(message) is { } exitCode) return exitCode;
        }
        return 1;
    }

    /// Handles one request or notification; the exit code when it was exit.
    private int? Handle(JsonElement message)
    {
        var hasId = message.TryGetProperty("id", out var idElement);
        JsonNode? id = null;
        if (hasId)
        {
            if (idElement.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            {
                Reply(null, error: (LspTransport.InvalidRequest, "the id must be a number or a string"));
                return null;
            }
            id = JsonNode.Parse(idElement.GetRawText());
        }
        if (!message.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
        {
            // A response to one of the server's requests (registerCapability, showDocument): nothing to do.
            if (hasId && (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _))) return null;
            Log(Error, "metalint: a message without a method was ignored");
            Reply(id, error: (LspTransport.InvalidRequest, "the message has no method"));
            return null;
        }
        var method = methodElement.GetString()!;
        var parameters = message.TryGetProperty("params", out var p) ? p : default;

        if (method == "exit") return _shutdown ? 0 : 1;
        if (_shutdown)
        {
            if (hasId) Reply(id, error: (LspTransport.InvalidRequest, $"the server is shut down; '{method}' was not run"));
            return null;
        }
        if (!_initialized && method != "initialize")
        {
            if (hasId) Reply(id, error: (ServerNotInitialized, "the server has not been initialized"));
            return null;
        }
        try
        {
            JsonNode? result = null;
            switch (method)
            {
                case "initialize": result = Initialize(parameters); break;
                case "initialized": RegisterWatchers(); break;
                case "shutdown": _shutdown = true; break;
                case "textDocument/didOpen": DidOpen(parameters); break;
                case "textDocument/didChange": DidChange(parameters); break;
                case "textDocument/didSave": DidSave(parameters); break;
                case "textDocument/didClose": DidClose(parameters); break;
                case "workspace/didChangeWatchedFiles": RecheckAll(); break;
                case "textDocument/hover": result = Hover(parameters); break;
                case "textDocument/codeAction": result = CodeActions(parameters); break;
                case "workspace/executeCommand": result = ExecuteCommand(parameters); break;
                default:
                    if (hasId) Reply(id, error: (MethodNotFound, $"method '{method}' is not supported"));
                    return null;   // unknown notifications ($/cancelRequest, $/setTrace...) are ignored
            }
            if (hasId) Reply(id, result: result);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            Log(Error, $"metalint: '{method}' had invalid parameters: {e.Message}");
            if (hasId) Reply(id, error: (InvalidParams, $"invalid parameters: {e.Message}"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log(Error, $"metalint: '{method}' failed: {e.Message}");
            if (hasId) Reply(id, error: (InternalError, e.Message));
        }
        return null;
    }

    private JsonObject Initialize(JsonElement p)
    {
        _initialized = true;
        if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("capabilities", out var caps))
        {
            _watchDynamically = Flag(caps, "workspace", "didChangeWatchedFiles", "dynamicRegistration");
            _showDocument = Flag(caps, "window", "showDocument", "support");
        }
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["textDocumentSync"] = new JsonObject
                {
                    ["openClose"] = true,
                    ["change"] = IncrementalSync,
                    ["save"] = new JsonObject { ["includeText"] = false },
                },
                ["hoverProvider"] = true,
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") },
                ["executeCommandProvider"] = new JsonObject { ["commands"] = new JsonArray(Fixes.OpenDocumentationCommand) },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "metalint", ["version"] = Core.Reporting.Report.ToolVersion },
        };
    }

    private static bool Flag(JsonElement e, params string[] path)
    {
        foreach (var name in path)
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return false;
        return e.ValueKind == JsonValueKind.True;
    }

    /// The files whose change alters what open documents report; registered when the client can watch for us.
    internal static readonly string[] WatchedPatterns =
        ["**/" + ConfigLoader.FileName, "**/" + ProjectLayout.FileName, "**/.forceignore"];

    private void RegisterWatchers()
    {
        if (!_watchDynamically) return;
        var watchers = new JsonArray();
        var patterns = _options.BaselinePath is { } baseline ? [.. WatchedPatterns, "**/" + Path.GetFileName(baseline)] : WatchedPatterns;
        foreach (var pattern in patterns) watchers.Add((JsonNode)new JsonObject { ["globPattern"] = pattern });
        SendRequest("client/registerCapability", new JsonObject
        {
            ["registrations"] = new JsonArray(new JsonObject
            {
                ["id"] = "metalint-watched-files",
                ["method"] = "workspace/didChangeWatchedFiles",
                ["registerOptions"] = new JsonObject { ["watchers"] = watchers },
            }),
        });
    }

    private static string UriOf(JsonElement p) => p.GetProperty("textDocument").GetProperty("uri").GetString()
                                                   ?? throw new InvalidOperationException("textDocument.uri is null");

    private static int? Version(JsonElement doc) =>
        doc.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private void DidOpen(JsonElement p)
    {
        var doc = p.GetProperty("textDocument");
        var uri = UriOf(p);
        var text = new TextDocument(uri, PathOf(uri), Version(doc), doc.GetProperty("text").GetString() ?? "");
        lock (_gate)
        {
            _open[uri] = text;
            Changed(text);
        }
    }

    private void DidChange(JsonElement p)
    {
        var uri = UriOf(p);
        lock (_gate)
        {
            if (_pending.TryGetValue(uri, out var waiting))
                if (waiting <= 1) _pending.Remove(uri); else _pending[uri] = waiting - 1;
            if (!_open.TryGetValue(uri, out var current)) throw new InvalidOperationException($"{uri} is not open");
            var changed = current.Apply(Version(p.GetProperty("textDocument")), p.GetProperty("contentChanges"));
            _open[uri] = changed;
            Changed(changed);
        }
    }

    /// A document's text is already known; a saved rules.yml (or one the client only tells about on save)
    /// changes what every open document reports.
    private void DidSave(JsonElement p)
    {
        if (PathOf(UriOf(p)) is { } path && Path.GetFileName(path) == ConfigLoader.FileName) RecheckAll();
    }

    private void DidClose(JsonElement p)
    {
        var uri = UriOf(p);
        lock (_gate)
        {
            if (!_open.Remove(uri, out var closed)) return;
            _checked.Remove(uri);
            _dirty.Remove(uri);
            // A closed rules.yml buffer no longer stands in for the file: documents go back to the disk's.
            if (closed.IsConfig)
            {
                _configs.Forget(closed.Path!);
                MarkAllDirty();
            }
            else Publish(uri, null, new JsonArray());
        }
    }

    /// Under _gate: a document's text changed; a rules.yml buffer changes what every document reports.
    private void Changed(TextDocument doc)
    {
        _previousChange = _lastChange;
        _lastChange = System.Diagnostics.Stopwatch.GetTimestamp();
        if (doc.IsConfig)
        {
            _configs.SetUnsaved(doc.Path!, doc.Text);
            MarkAllDirty();
        }
        else _dirty.Add(doc.Uri);
        Monitor.PulseAll(_gate);
    }

    private void RecheckAll()
    {
        lock (_gate)
        {
            _configs.Clear();
            _baseline?.Clear();
            MarkAllDirty();
        }
    }

    private void MarkAllDirty()
    {
        foreach (var uri in _open.Keys) if (!_open[uri].IsConfig) _dirty.Add(uri);
        _dirty.Add(ConfigCheck);
        Monitor.PulseAll(_gate);
    }

    /// A pseudo-URI in _dirty: re-validate every rules.yml (open or used) and publish its diagnostics.
    private const string ConfigCheck = "metalint:rules.yml";

    private JsonObject? Hover(JsonElement p)
    {
        var uri = UriOf(p);
        var position = p.GetProperty("position");
        int line = position.GetProperty("line").GetInt32(), character = position.GetProperty("character").GetInt32();
        List<Finding> findings;
        lock (_gate)
        {
            if (!_checked.TryGetValue(uri, out var published)) return null;
            findings = published.Where(f => Contains(f, line, character)).ToList();
        }
        if (findings.Count == 0) return null;
        var first = findings[0];
        var value = string.Join("\n\n---\n\n", findings.DistinctBy(f => f.RuleId).Select(f => Fixes.Hover(f.Rule)));
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = value },
            ["range"] = Range(first),
        };
    }

    private static bool Contains(Finding f, int line, int character)
    {
        var start = (f.Span.StartLine - 1, f.Span.StartColumn - 1);
        var end = (f.Span.EndLine - 1, f.Span.EndColumn - 1);
        var at = (line, character);
        return Compare(start, at) <= 0 && Compare(at, end) <= 0;

        static int Compare((int L, int C) a, (int L, int C) b) => a.L != b.L ? a.L.CompareTo(b.L) : a.C.CompareTo(b.C);
    }

    private JsonArray CodeActions(JsonElement p)
    {
        var uri = UriOf(p);
        TextDocument? doc;
        lock (_gate) _open.TryGetValue(uri, out doc);
        var actions = new JsonArray();
        if (doc == null) return actions;
        foreach (var diagnostic in p.GetProperty("context").GetProperty("diagnostics").EnumerateArray())
            foreach (var action in Fixes.For(doc, diagnostic))
                actions.Add((JsonNode)action);
        return actions;
    }

    private JsonNode? ExecuteCommand(JsonElement p)
    {
        var command = p.GetProperty("command").GetString();
        if (command != Fixes.OpenDocumentationCommand) throw new InvalidOperationException($"unknown command '{command}'");
        var uri = p.GetProperty("arguments")[0].GetString()
                  ?? throw new InvalidOperationException("the command's argument is not a URI");
        if (_showDocument)
            SendRequest("window/showDocument", new JsonObject { ["uri"] = uri, ["external"] = true });
        else
            Notify("window/showMessage", new JsonObject { ["type"] = Info, ["message"] = $"Rule documentation: {uri}" });
        return null;
    }

    // ---- checks (the checker thread) ----

    private void CheckLoop()
    {
        while (true)
        {
            string uri;
            lock (_gate)
            {
                while (_dirty.Count == 0 && !_stopping) Monitor.Wait(_gate);
                if (_stopping) return;
            }
            if (System.Diagnostics.Stopwatch.GetElapsedTime(Volatile.Read(ref _previousChange), Volatile.Read(ref _lastChange)) < BurstGap)
                Thread.Sleep(Debounce);
            TextDocument? doc;
            lock (_gate)
            {
                if (_dirty.Count == 0) continue;
                uri = _dirty.Contains(ConfigCheck) ? ConfigCheck : _dirty.First();
                _dirty.Remove(uri);
                _open.TryGetValue(uri, out doc);
                if (_pending.ContainsKey(uri)) continue;   // a newer text is on its way and will mark it again
            }
            try
            {
                if (uri == ConfigCheck) CheckConfigs();
                else if (doc != null) Check(doc);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One document's failure must not end the server.
                Log(Error, $"metalint: checking {uri} failed: {e.Message}");
            }
        }
    }

    private void Check(TextDocument doc)
    {
        var findings = doc.Path is { } path ? Analyse(path, doc.Text) : [];
        var diagnostics = new JsonArray();
        foreach (var finding in findings) diagnostics.Add((JsonNode)Diagnostic(finding));
        lock (_gate)
        {
            // Overtaken by a newer text (or closed) while it ran: the newer one's check is already queued.
            if (!_open.TryGetValue(doc.Uri, out var current) || !ReferenceEquals(current, doc) || _pending.ContainsKey(doc.Uri)) return;
            _checked[doc.Uri] = findings;
            Publish(doc.Uri, doc.Version, diagnostics);
        }
    }

    /// The document's unsuppressed findings; a file MetaLint does not analyse (not metadata, .forceignored,
    /// not yet on disk) has none.
    private List<Finding> Analyse(string path, string text)
    {
        var configFile = ConfigFor(path);
        MetaLintConfig config;
        try
        {
            config = ConfigLoader.LoadOrDefault(configFile, _configs.Get);
            if (_shownConfigError != null)
            {
                // Fixed (on disk, without a watched-file event): clear its diagnostic on rules.yml.
                _shownConfigError = null;
                lock (_gate) { _dirty.Add(ConfigCheck); Monitor.PulseAll(_gate); }
            }
        }
        catch (ConfigException e)
        {
            // Same message as the CLI's exit-2 error, once per distinct error; the document is still checked,
            // with the default rules. The error itself is a diagnostic on rules.yml (CheckConfigs).
            var message = $"metalint: {e.Message}";
            if (message != _shownConfigError)
            {
                Notify("window/showMessage", new JsonObject { ["type"] = Error, ["message"] = message });
                Log(Error, message);
                lock (_gate) { _dirty.Add(ConfigCheck); Monitor.PulseAll(_gate); }
            }
            _shownConfigError = message;
            config = MetaLintConfig.Default;
        }
        if (InputFile.Kind(path) != FileKind.Regular) return [];
        // An editor may keep the byte-order mark in the text; the CLI's reader drops it (ParseText would not).
        var bom = text.StartsWith('\uFEFF');
        if (bom) text = text[1..];
        // Outside a project or git tree, rules.yml patterns are relative to its own folder (else the file's),
        // never to the folder the editor happened to start the server in.
        var fallback = Path.GetDirectoryName(configFile ?? path);
        var result = Analyzer.Run([path], new AnalysisOptions
        {
            Root = Discoverer.FindRoot([path], fallback),
            Config = config,
            Baseline = Baseline(),
            Jobs = 1,
            Unsaved = new Dictionary<string, string>(StringComparer.Ordinal) { [path] = text },
        });
        var findings = result.Findings.Where(f => !f.IsSuppressed && f.Location.File.FullPath == path);
        return bom ? findings.Select(ShiftFirstLine).ToList() : findings.ToList();
    }

    /// The --baseline in effect; when it cannot be read or is invalid, the error is shown once and the bundled
    /// standard applies meanwhile.
    private Core.Baselines.Baseline? Baseline()
    {
        if (_baseline == null) return null;
        try
        {
            var baseline = _baseline.Get();
            _shownBaselineError = null;
            return baseline;
        }
        catch (Core.Baselines.BaselineException e)
        {
            var message = $"metalint: invalid baseline: {e.Message}";
            if (message != _shownBaselineError)
            {
                Notify("window/showMessage", new JsonObject { ["type"] = Error, ["message"] = message });
                Log(Error, message);
            }
            _shownBaselineError = message;
            return null;
        }
    }

    /// A finding on line 1 of a text whose byte-order mark was removed: its columns move one to the right.
    private static Finding ShiftFirstLine(Finding f) => f.Span.StartLine != 1 && f.Span.EndLine != 1 ? f : f with
    {
        Location = f.Location with
        {
            Span = f.Span with
            {
                StartColumn = f.Span.StartLine == 1 ? f.Span.StartColumn + 1 : f.Span.StartColumn,
                EndColumn = f.Span.EndLine == 1 ? f.Span.EndColumn + 1 : f.Span.EndColumn,
            },
        },
    };

    /// Publishes each rules.yml's errors (the one `metalint check` would stop at) on that file, open or not, and
    /// clears the ones fixed since.
    private void CheckConfigs()
    {
        HashSet<string> files;
        lock (_gate)
        {
            files = _open.Values.Where(d => !d.IsConfig && d.Path != null)
                .Select(d => ConfigFor(d.Path!)).OfType<string>()
                .Concat(_open.Values.Where(d => d.IsConfig).Select(d => d.Path!))
                .ToHashSet(StringComparer.Ordinal);
        }
        foreach (var file in files)
        {
            var uri = new Uri(file).AbsoluteUri;
            ConfigException? error = null;
            try { _configs.Get(file); }
            catch (ConfigException e) { error = e; }
            lock (_gate)
            {
                // Published when it changes: a new error, or the last one fixed.
                if (error?.Message == _configErrors.GetValueOrDefault(uri)) continue;
                if (error == null) _configErrors.Remove(uri);
                else _configErrors[uri] = error.Message;
                var diagnostics = error == null ? new JsonArray() : new JsonArray(ConfigDiagnostic(error));
                Publish(uri, _open.Values.FirstOrDefault(d => d.Path == file)?.Version, diagnostics);
            }
        }
    }

    private static JsonObject ConfigDiagnostic(ConfigException e) => new()
    {
        ["range"] = new JsonObject
        {
            ["start"] = Position(e.Line, e.Column),
            ["end"] = Position(e.Line + 1, 1),   // to the end of the line
        },
        ["severity"] = Error,
        ["source"] = "metalint",
        ["message"] = e.Problem,
    };

    private static string? PathOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile ? Path.GetFullPath(u.LocalPath) : null;

    /// Spans are 1-based with UTF-16 columns and an exclusive end; LSP positions are 0-based UTF-16, end exclusive.
    internal static JsonObject Diagnostic(Finding f) => new()
    {
        ["range"] = Range(f),
        ["severity"] = f.Level switch { RuleLevel.Error => Error, RuleLevel.Warning => Warning, _ => Info },
        ["code"] = f.RuleId,
        ["codeDescription"] = new JsonObject { ["href"] = f.Rule.HelpUri },
        ["source"] = "metalint",
        ["message"] = f.Message,
    };

    private static JsonObject Range(Finding f) => new()
    {
        ["start"] = Position(f.Span.StartLine, f.Span.StartColumn),
        ["end"] = Position(f.Span.EndLine, f.Span.EndColumn),
    };

    private static JsonObject Position(int line, int column) =>
        new() { ["line"] = Math.Max(line - 1, 0), ["character"] = Math.Max(column - 1, 0) };

    // ---- output ----

    private void Publish(string uri, int? version, JsonArray diagnostics)
    {
        var message = new JsonObject { ["uri"] = uri, ["diagnostics"] = diagnostics };
        if (version is { } v) message["version"] = v;
        Notify("textDocument/publishDiagnostics", message);
    }

    private void Notify(string method, JsonObject parameters) => Send(Notification(method, parameters));

    private static JsonObject Notification(string method, JsonObject parameters) =>
        new() { ["method"] = method, ["params"] = parameters };

    private void SendRequest(string method, JsonObject parameters) =>
        Send(new JsonObject { ["id"] = Interlocked.Increment(ref _nextRequestId), ["method"] = method, ["params"] = parameters });

    /// Every error the server meets goes to the client's log (its output channel), never only to stderr.
    private void Log(int type, string message) =>
        Send(Notification("window/logMessage", new JsonObject { ["type"] = type, ["message"] = message }));

    private void Reply(JsonNode? id, JsonNode? result = null, (int Code, string Message)? error = null)
    {
        var response = new JsonObject { ["id"] = id };
        if (error is { } e) response["error"] = new JsonObject { ["code"] = e.Code, ["message"] = e.Message };
        else response["result"] = result;
        Send(response);
    }

    private void Send(JsonObject message)
    {
        try { _transport.Write(message); }
        catch (IOException) { }   // the client has gone; the read loop sees the end of the stream
        catch (ObjectDisposedException) { }
    }
}
