using System.Text.Json;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace MetaLint.Cli.Tests;

/// `metalint lsp` is wired to the process's byte streams and ends with the exit code LSP asks for.
public sealed class LspCommandTests
{
    [Fact]
    public async Task Lsp_serves_on_the_cli_streams_and_exits_0_after_shutdown_and_exit()
    {
        var (editor, server) = FullDuplexStream.CreatePair();
        var io = new CliOutput(new StringWriter(), new StringWriter(), true) { OpenInput = () => server, OpenOutput = () => server };
        var run = Task.Run(() => MetaLintCli.Run(["lsp", "--stdio"], io));   // --stdio: what vscode-languageclient adds

        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(editor, editor, new SystemTextJsonFormatter()));
        rpc.StartListening();
        var init = await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { processId = (int?)null, capabilities = new { } })
            .WaitAsync(TimeSpan.FromSeconds(30));
        init.GetProperty("serverInfo").GetProperty("name").GetString().ShouldBe("metalint");
        await rpc.InvokeWithParameterObjectAsync<JsonElement>("shutdown");
        await rpc.NotifyAsync("exit");

        (await run.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(ExitCodes.Ok);
    }
}

/// Raw bytes over the real stdin/stdout of a `metalint lsp` process: what a broken or hostile client can send.
public sealed class LspStdioTests : IDisposable
{
    private readonly System.Diagnostics.Process _server;

    public LspStdioTests()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(MetaLintCli).Assembly.Location);
        start.ArgumentList.Add("lsp");
        _server = System.Diagnostics.Process.Start(start)!;
    }

    public void Dispose()
    {
        if (!_server.HasExited) _server.Kill();
        _server.Dispose();
    }

    private void SendRaw(string bytes)
    {
        _server.StandardInput.BaseStream.Write(System.Text.Encoding.UTF8.GetBytes(bytes));
        _server.StandardInput.BaseStream.Flush();
    }

    private void Send(string json) => SendRaw($"Content-Length: {System.Text.Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}");

    /// The next message the server writes, parsed from its framing.
    private async Task<JsonElement> Receive()
    {
        var output = _server.StandardOutput.BaseStream;
        var header = new List<byte>();
        while (!(header.Count >= 4 && header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n'))
        {
            var one = new byte[1];
            if (await output.ReadAsync(one).AsTask().WaitAsync(TimeSpan.FromSeconds(30)) == 0)
                throw new EndOfStreamException("the server closed stdout: " + _server.StandardError.ReadToEnd());
            header.Add(one[0]);
        }
        var text = System.Text.Encoding.ASCII.GetString(header.ToArray());
        var length = int.Parse(text.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.Ordinal))["Content-Length:".Length..]);
        var body = new byte[length];
        await output.ReadExactlyAsync(body).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// The next response (skipping the logs and notifications before it), with the logs seen on the way.
    private async Task<(JsonElement Response, List<string> Logs)> Response()
    {
        var logs = new List<string>();
        while (true)
        {
            var message = await Receive();
            if (!message.TryGetProperty("method", out var method)) return (message, logs);
            if (method.GetString() == "window/logMessage") logs.Add(message.GetProperty("params").GetProperty("message").GetString()!);
        }
    }

    private static int ErrorCode(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    [Fact]
    public async Task Malformed_messages_get_the_json_rpc_error_are_logged_and_the_server_carries_on()
    {
        Send("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""");
        (await Response()).Response.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString().ShouldBe("metalint");

        Send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":");   // invalid JSON
        var (parse, logs) = await Response();
        ErrorCode(parse).ShouldBe(-32700);
        parse.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
        logs.ShouldHaveSingleItem().ShouldContain("not valid JSON");

        Send("[1,2,3]");   // valid JSON, not an object
        ErrorCode((await Response()).Response).ShouldBe(-32600);
        Send("\"hello\"");
        ErrorCode((await Response()).Response).ShouldBe(-32600);
        Send("""{"jsonrpc":"2.0","id":3}""");   // no method
        var (noMethod, _) = await Response();
        ErrorCode(noMethod).ShouldBe(-32600);
        noMethod.GetProperty("id").GetInt32().ShouldBe(3);
        Send("""{"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"}""");   // an id that is neither number nor string
        ErrorCode((await Response()).Response).ShouldBe(-32600);

        SendRaw("Content-Length: banana\r\n\r\n");   // bad header
        ErrorCode((await Response()).Response).ShouldBe(-32700);
        SendRaw("X-Nonsense\r\nContent-Length: 2\r\n\r\n{}");   // a header line that is no header, then a body without method
        ErrorCode((await Response()).Response).ShouldBe(-32700);
        ErrorCode((await Response()).Response).ShouldBe(-32600);
        SendRaw("{\"unframed\":true}");   // a body without its header: found again at the next Content-Length
        Send("""{"jsonrpc":"2.0","id":4,"method":"no/such"}""");
        ErrorCode((await Response()).Response).ShouldBe(-32700);
        ErrorCode((await Response()).Response).ShouldBe(-32601);

        // Still serving: a real request works, then shutdown, then requests are refused, and exit ends with 0.
        Send("""{"jsonrpc":"2.0","id":5,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///x.xml"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}""");
        var (actions, _) = await Response();
        actions.GetProperty("id").GetInt32().ShouldBe(5);
        actions.GetProperty("result").GetArrayLength().ShouldBe(0);
        Send("""{"jsonrpc":"2.0","id":6,"method":"shutdown"}""");
        (await Response()).Response.GetProperty("id").GetInt32().ShouldBe(6);
        Send("""{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.xml"},"position":{"line":0,"character":0}}}""");
        var (late, _) = await Response();
        ErrorCode(late).ShouldBe(-32600);
        late.GetProperty("id").GetInt32().ShouldBe(7);
        Send("""{"jsonrpc":"2.0","method":"exit"}""");
        (await _server.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token).ContinueWith(_ => _server.ExitCode)).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_without_being_held()
    {
        Send("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""");
        await Response();
        // The header claims more than any metadata file may hold: allocating it would crash the process (not exit 1);
        // the server discards the bytes as they come instead.
        SendRaw("Content-Length: 999999999999\r\n\r\n");
        _server.StandardInput.Close();   // the stream ends inside the body: the server ends, with 1 (no shutdown)
        await _server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _server.ExitCode.ShouldBe(1);
    }
}
