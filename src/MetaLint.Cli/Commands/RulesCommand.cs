using System.CommandLine;
using MetaLint.Core.Reporting;
using MetaLint.Core.Rules;

namespace MetaLint.Cli.Commands;

/// `metalint rules`: every rule with id, title, default level and help link.
internal static class RulesCommand
{
    public static Command Create(CliOutput io)
    {
        var format = new Option<string>("--format")
        {
            Description = "Output format: text, json or markdown.",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("rules", "List every rule with id, title, default level and help link.") { format };
        command.SetAction(parse =>
        {
            io.Out.Write(parse.GetValue(format) switch
            {
                "json" => RuleListing.Json(RuleCatalog.All),
                "markdown" => RuleListing.Markdown(RuleCatalog.All),
                _ => RuleListing.Text(RuleCatalog.All),
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
