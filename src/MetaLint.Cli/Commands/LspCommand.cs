using System.CommandLine;
using MetaLint.LanguageServer;

namespace MetaLint.Cli.Commands;

/// `metalint lsp`: the language server over stdio, for editors.
public static class LspCommand
{
    public static Command Create(CliOutput io)
    {
        var command = new Command("lsp",
            "Run the Language Server Protocol over stdio: editors get each metadata file's findings as diagnostics while it is edited.");
        command.SetAction(_ =>
        {
            using var server = new MetaLintLanguageServer(io.OpenInput(), io.OpenOutput());
            return server.RunAsync().GetAwaiter().GetResult();
        });
        return command;
    }
}
