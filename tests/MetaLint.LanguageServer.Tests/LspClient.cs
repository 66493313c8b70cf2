using System.Text.Json;
using System.Threading.Channels;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace MetaLint.LanguageServer.Tests;

/// An editor's side of the protocol, over an in-memory duplex pipe to a server running in the test process.
internal sealed class LspClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly JsonRpc _rpc;
    private readonly Channel<JsonElement> _diagnostics = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _configDiagnostics = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _logs = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _registrations = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _shown = Channel.CreateUnbounded<JsonElement>();

    public MetaLintLanguageServer Server { get; }
    public Task<int> Running { get; }

    public LspClient(MetaLintLanguageServer.Options? options = null)
    {
        var (client, server) = FullDuplexStream.CreatePair();
        Server = new MetaLintLanguageServer(server, server, options);
        Running = Server.RunAsync();
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(client, client, new SystemTextJsonFormatter()));
        On("textDocument/publishDiagnostics", p =>
            (p.GetProperty("uri").GetString()!.EndsWith("/rules.yml", StringComparison.Ordinal) ? _configDiagnostics : _diagnostics)
            .Writer.TryWrite(p.Clone()));
        On("window/showMessage", p => _messages.Writer.TryWrite(p.Clone()));
        On("window/logMessage", p => _logs.Writer.TryWrite(p.Clone()));
        On("client/registerCapability", p => _registrations.Writer.TryWrite(p.Clone()));
        On("window/showDocument", p => _shown.Writer.TryWrite(p.Clone()));
        _rpc.StartListening();
    }

    private void On(string method, Action<JsonElement> handler) =>
        _rpc.AddLocalRpcMethod(handler.Method, handler.Target,
            new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });

    public Task<JsonElement> Request(string method, object? parameters = null) =>
        _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters).WaitAsync(Timeout);

    public Task Notify(string method, object? parameters = null) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public async Task<JsonElement> Initialize(object? capabilities = null)
    {
        var result = await Request("initialize", new { processId = (int?)null, capabilities = capabilities ?? new { } });
        await Notify("initialized", new { });
        return result;
    }

    public Task Open(string path, string text, int version = 1, string languageId = "xml") => Notify("textDocument/didOpen",
        new { textDocument = new { uri = Uri(path), languageId, version, text } });

    public Task Change(string path, string text, int version) => Notify("textDocument/didChange",
        new { textDocument = new { uri = Uri(path), version }, contentChanges = new[] { new { text } } });

    /// An incremental change: replaces the 0-based range with text.
    public Task Edit(string path, int version, int line, int character, int endLine, int endCharacter, string text) =>
        Notify("textDocument/didChange", new
        {
            textDocument = new { uri = Uri(path), version },
            contentChanges = new[]
            {
                new { range = new { start = new { line, character }, end = new { line = endLine, character = endCharacter } }, text },
            },
        });

    public Task Save(string path) => Notify("textDocument/didSave", new { textDocument = new { uri = Uri(path) } });

    public Task Close(string path) => Notify("textDocument/didClose", new { textDocument = new { uri = Uri(path) } });

    /// The next publishDiagnostics notification.
    public async Task<JsonElement> Diagnostics() => await _diagnostics.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// The next publishDiagnostics notification for a rules.yml.
    public async Task<JsonElement> ConfigDiagnostics() => await _configDiagnostics.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// The next client/registerCapability request's parameters.
    public async Task<JsonElement> Registration() => await _registrations.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// The next window/showDocument request's parameters.
    public async Task<JsonElement> ShowDocument() => await _shown.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// The next window/logMessage notification.
    public async Task<JsonElement> Log() => await _logs.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// The next window/showMessage notification.
    public async Task<JsonElement> Message() => await _messages.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// window/showMessage notifications received and not yet read.
    public int UnreadMessages => _messages.Reader.Count;

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        await Running.WaitAsync(Timeout);
        Server.Dispose();
    }
}
