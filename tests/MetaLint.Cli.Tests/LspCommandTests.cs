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
