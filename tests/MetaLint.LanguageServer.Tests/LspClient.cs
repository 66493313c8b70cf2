using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace MetaLint.LanguageServer.Tests;

/// An editor's side of the protocol, over an in-memory duplex pipe to a server running in the test process.
public sealed class LspClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly JsonRpc _rpc;
    private readonly Channel<JsonElement> _diagnostics = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();

    public MetaLintLanguageServer Server { get; }
    public Task<int> Running { get; }

    public LspClient()
    {
        var (client, server) = FullDuplexStream.CreatePair();
        Server = new MetaLintLanguageServer(server, server);
        Running = Server.RunAsync();
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(client, client, new SystemTextJsonFormatter()));
        On("textDocument/publishDiagnostics", p => _diagnostics.Writer.TryWrite(p.Clone()));
        On("window/showMessage", p => _messages.Writer.TryWrite(p.Clone()));
        _rpc.StartListening();
    }

    private void On(string method, Action<JsonElement> handler) =>
        _rpc.AddLocalRpcMethod(handler.Method, handler.Target,
            new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });

    public Task<JsonElement> Request(string method, object? parameters = null) =>
        _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters).WaitAsync(Timeout);

    public Task Notify(string method, object? parameters = null) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public async Task<JsonElement> Initialize()
    {
        var result = await Request("initialize", new { processId = (int?)null, capabilities = new { } });
        await Notify("initialized", new { });
        return result;
    }

    public Task Open(string path, string text, int version = 1) => Notify("textDocument/didOpen",
        new { textDocument = new { uri = Uri(path), languageId = "xml", version, text } });

    public Task Change(string path, string text, int version) => Notify("textDocument/didChange",
        new { textDocument = new { uri = Uri(path), version }, contentChanges = new[] { new { text } } });

    public Task Save(string path) => Notify("textDocument/didSave", new { textDocument = new { uri = Uri(path) } });

    public Task Close(string path) => Notify("textDocument/didClose", new { textDocument = new { uri = Uri(path) } });

    /// The next publishDiagnostics notification.
    public async Task<JsonElement> Diagnostics() => await _diagnostics.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

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
