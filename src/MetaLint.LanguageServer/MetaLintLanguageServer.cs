using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MetaLint.Core;
using MetaLint.Core.Configuration;
using MetaLint.Core.Rules;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace MetaLint.LanguageServer;

/// `metalint lsp`: the Language Server Protocol over a pair of streams (stdio in the CLI). A metadata file's findings
/// are published as diagnostics when it is opened, changed or saved, computed from the editor's text, not the disk,
/// with the rules.yml nearest to the file, exactly as `metalint check FILE` would report them.
public sealed class MetaLintLanguageServer : IDisposable
{
    private const int FullSync = 1;

    private readonly JsonRpc _rpc;
    private readonly NonConcurrentSynchronizationContext _queue = new(sticky: false);
    private readonly Dictionary<string, Document> _open = new(StringComparer.Ordinal);   // by URI
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _shutdown;
    private string? _shownConfigError;   // shown once, not on every keystroke

    private sealed record Document(int? Version, string Text);

    // The formatter reflects only over types it has no metadata for; every type exchanged here is in LspJson
    // (source-generated), which is checked by running the NativeAOT binary in bench/aot-smoke.sh.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "all exchanged types are in LspJson")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "all exchanged types are in LspJson")]
    public MetaLintLanguageServer(Stream input, Stream output)
    {
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, LspJson.Default);   // no reflection (AOT)
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter))
        {
            // LSP notifications must be handled in the order they were sent (didOpen before didChange).
            SynchronizationContext = _queue,
        };
        On("initialize", (Func<JsonElement, JsonObject>)Initialize);
        On("initialized", (Action<JsonElement>)(_ => { }));
        On("shutdown", (Func<JsonNode?>)(() => { _shutdown = true; return null; }));
        On("exit", (Action)(() => _exit.TrySetResult(_shutdown ? 0 : 1)));
        On("textDocument/didOpen", (Action<JsonElement>)DidOpen);
        On("textDocument/didChange", (Action<JsonElement>)DidChange);
        On("textDocument/didSave", (Action<JsonElement>)DidSave);
        On("textDocument/didClose", (Action<JsonElement>)DidClose);
    }

    /// Serves until the client sends exit (0 after shutdown, 1 without) or closes the stream (1), as LSP specifies.
    public async Task<int> RunAsync()
    {
        _rpc.StartListening();
        if (await Task.WhenAny(_exit.Task, _rpc.Completion) == _exit.Task) return await _exit.Task;
        // The stream ended: let the messages already queued run (a client may send exit and close at once).
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Post(_ => drained.SetResult(), null);
        await drained.Task;
        return _exit.Task.IsCompleted ? await _exit.Task : 1;
    }

    public void Dispose() => _rpc.Dispose();

    private void On(string method, Delegate handler) =>
        _rpc.AddLocalRpcMethod(handler.Method, handler.Target,
            new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });

    private static JsonObject Initialize(JsonElement _) => new()
    {
        ["capabilities"] = new JsonObject
        {
            ["textDocumentSync"] = new JsonObject
            {
                ["openClose"] = true,
                ["change"] = FullSync,
                ["save"] = new JsonObject { ["includeText"] = false },
            },
        },
        ["serverInfo"] = new JsonObject { ["name"] = "metalint", ["version"] = Core.Reporting.Report.ToolVersion },
    };

    private void DidOpen(JsonElement p)
    {
        var doc = p.GetProperty("textDocument");
        var uri = doc.GetProperty("uri").GetString()!;
        _open[uri] = new Document(Version(doc), doc.GetProperty("text").GetString() ?? "");
        PublishLatest(uri);
    }

    private void DidChange(JsonElement p)
    {
        var doc = p.GetProperty("textDocument");
        var uri = doc.GetProperty("uri").GetString()!;
        var changes = p.GetProperty("contentChanges");
        if (changes.GetArrayLength() == 0) return;
        // Full sync: the last change holds the whole text.
        _open[uri] = new Document(Version(doc), changes[changes.GetArrayLength() - 1].GetProperty("text").GetString() ?? "");
        PublishLatest(uri);
    }

    /// Queues the check behind the messages already received, and skips it if a newer text has arrived by then:
    /// typing in a multi-MB profile must not build a backlog of checks of versions nobody sees any more.
    private void PublishLatest(string uri)
    {
        var queued = _open[uri];
        _queue.Post(_ =>
        {
            if (!_open.TryGetValue(uri, out var current) || !ReferenceEquals(current, queued)) return;
            // Outside an RPC handler nothing catches for us, and one document's failure must not end the server.
            try { Publish(uri); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Notify("window/logMessage", new JsonObject { ["type"] = 1, ["message"] = $"metalint: checking {uri} failed: {e.Message}" });
            }
        }, null);
    }

    private void DidSave(JsonElement p)
    {
        var uri = p.GetProperty("textDocument").GetProperty("uri").GetString()!;
        // A saved rules.yml changes what every open document reports.
        if (PathOf(uri) is { } path && Path.GetFileName(path) == ConfigLoader.FileName)
            foreach (var open in _open.Keys.ToList()) Publish(open);
        else if (_open.ContainsKey(uri))
            Publish(uri);
    }

    private void DidClose(JsonElement p)
    {
        var uri = p.GetProperty("textDocument").GetProperty("uri").GetString()!;
        _open.Remove(uri);
        Notify("textDocument/publishDiagnostics", new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray() });
    }

    private static int? Version(JsonElement doc) =>
        doc.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private void Publish(string uri)
    {
        if (!_open.TryGetValue(uri, out var doc)) return;
        var diagnostics = new JsonArray();
        if (PathOf(uri) is { } path)
            foreach (var finding in Analyse(path, doc.Text))
                diagnostics.Add((JsonNode)Diagnostic(finding));
        var message = new JsonObject { ["uri"] = uri, ["diagnostics"] = diagnostics };
        if (doc.Version is { } version) message["version"] = version;
        Notify("textDocument/publishDiagnostics", message);
    }

    /// The document's unsuppressed findings; a file MetaLint does not analyse (not metadata, .forceignored,
    /// not yet on disk) has none.
    private IEnumerable<Finding> Analyse(string path, string text)
    {
        MetaLintConfig config;
        var configFile = ConfigLoader.FindNearest(path);
        try
        {
            config = configFile is null ? MetaLintConfig.Default : ConfigLoader.Load(configFile);
            _shownConfigError = null;
        }
        catch (ConfigException e)
        {
            // Same message as the CLI's exit-2 error, once per distinct error; the document is still checked,
            // with the default rules.
            var message = $"metalint: {e.Message}";
            if (message != _shownConfigError)
                Notify("window/showMessage", new JsonObject { ["type"] = 1, ["message"] = message });
            _shownConfigError = message;
            config = MetaLintConfig.Default;
        }
        if (!File.Exists(path)) return [];
        // Outside a project or git tree, rules.yml patterns are relative to its own folder (else the file's),
        // never to the folder the editor happened to start the server in.
        var fallback = Path.GetDirectoryName(configFile ?? path);
        var result = Analyzer.Run([path], new AnalysisOptions
        {
            Root = Core.Discovery.Discoverer.FindRoot([path], fallback),
            Config = config,
            Jobs = 1,
            Unsaved = new Dictionary<string, string>(StringComparer.Ordinal) { [path] = text },
        });
        return result.Findings.Where(f => !f.IsSuppressed && f.Location.File.FullPath == path);
    }

    private static string? PathOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile ? Path.GetFullPath(u.LocalPath) : null;

    /// Spans are 1-based with UTF-16 columns and an exclusive end; LSP positions are 0-based UTF-16, end exclusive.
    internal static JsonObject Diagnostic(Finding f) => new()
    {
        ["range"] = new JsonObject
        {
            ["start"] = Position(f.Span.StartLine, f.Span.StartColumn),
            ["end"] = Position(f.Span.EndLine, f.Span.EndColumn),
        },
        ["severity"] = f.Level switch { RuleLevel.Error => 1, RuleLevel.Warning => 2, _ => 3 },
        ["code"] = f.RuleId,
        ["codeDescription"] = new JsonObject { ["href"] = f.Rule.HelpUri },
        ["source"] = "metalint",
        ["message"] = f.Message,
    };

    private static JsonObject Position(int line, int column) =>
        new() { ["line"] = Math.Max(line - 1, 0), ["character"] = Math.Max(column - 1, 0) };

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "JsonObject is in LspJson")]
    private void Notify(string method, JsonObject parameters) =>
        _ = _rpc.NotifyWithParameterObjectAsync(method, parameters);
}

/// Source-generated JSON metadata for the types the server exchanges, so it needs no reflection (NativeAOT).
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class LspJson : JsonSerializerContext;
