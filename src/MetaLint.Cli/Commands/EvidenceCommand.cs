using System.CommandLine;
using MetaLint.Core.IO;
using MetaLint.Core.Reporting.Evidence;

namespace MetaLint.Cli.Commands;

/// `metalint evidence verify FILE`: checks a chain written with `check --evidence-chain`.
internal static class EvidenceCommand
{
    public static Command Create(CliOutput io)
    {
        var file = new Argument<string>("FILE") { Description = "The JSON-lines evidence chain." };
        var verify = new Command("verify", "Check an evidence chain: every record well-formed and linked by SHA-256 to the one before (exit 1 when not).") { file };
        verify.SetAction(parse => Verify(io, parse.GetValue(file)!));
        return new Command("evidence", "Audit evidence records.") { verify };
    }

    private static int Verify(CliOutput io, string path)
    {
        byte[] bytes;
        try { bytes = InputFile.ReadAllBytes(path, EvidenceChain.Limit, "evidence chain"); }
        catch (IOException e)
        {
            io.Error.WriteLine($"metalint: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (UnauthorizedAccessException e)
        {
            io.Error.WriteLine($"metalint: cannot read {path}: {e.Message}");
            return ExitCodes.Usage;
        }
        var problems = EvidenceChain.Verify(bytes, out var records);
        if (records == 0) problems.Add("the file holds no record");
        foreach (var p in problems) io.Error.WriteLine($"metalint: {path}: {p}");
        if (problems.Count > 0) return ExitCodes.Findings;
        io.Out.WriteLine($"{path}: {records} record(s), chain intact.");
        return ExitCodes.Ok;
    }
}
