using System.CommandLine;
using MetaLint.LanguageServer;

namespace MetaLint.Cli.Commands;

/// `metalint lsp`: the language server over stdio, for editors.
public static class LspCommand
{
    public static Command Create(CliOutput io)
    {
        // vscode-languageclient appends --stdio for the stdio transport; stdio is the only transport, so accept it.
        var stdio = new Option<bool>("--stdio") { Description = "Accepted for LSP clients that pass it; stdio is the only transport." };
        var command = new Command("lsp",
            "Run the Language Server Protocol over stdio: editors get each metadata file's findings as diagnostics while it is edited.")
        {
            stdio,
        };
        command.SetAction(_ =>
        {
            using var server = new MetaLintLanguageServer(io.OpenInput(), io.OpenOutput());
            return server.RunAsync().GetAwaiter().GetResult();
        });
        return command;
    }
}
