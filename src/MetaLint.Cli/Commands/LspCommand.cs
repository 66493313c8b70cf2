using System.CommandLine;
using MetaLint.LanguageServer;

namespace MetaLint.Cli.Commands;

/// `metalint lsp`: the language server over stdio, for editors.
internal static class LspCommand
{
    public static Command Create(CliOutput io)
    {
        // vscode-languageclient appends --stdio for the stdio transport; stdio is the only transport, so accept it.
        var stdio = new Option<bool>("--stdio") { Description = "Accepted for LSP clients that pass it; stdio is the only transport." };
        var config = new Option<string?>("--config") { Description = "rules.yml to use for every file (default: nearest rules.yml upwards from each file).", HelpName = "FILE" };
        var baseline = new Option<string?>("--baseline") { Description = "Health Check baseline: the XML Salesforce exports, or the JSON form (default: the bundled Salesforce Baseline Standard).", HelpName = "FILE" };
        var command = new Command("lsp",
            "Run the Language Server Protocol over stdio: editors get each metadata file's findings as diagnostics while it is edited.")
        {
            stdio, config, baseline,
        };
        command.SetAction(parse =>
        {
            using var server = new MetaLintLanguageServer(io.OpenInput(), io.OpenOutput(),
                new MetaLintLanguageServer.Options(parse.GetValue(config), parse.GetValue(baseline)));
            return server.RunAsync().GetAwaiter().GetResult();
        });
        return command;
    }
}
