using System.Runtime.CompilerServices;

namespace MetaLint.Core.Tests.Support;

/// A small approved-file snapshot helper: compares text with tests/.../Approved/NAME; on a difference writes
/// NAME.received beside it (ignored by git) and fails. With METALINT_APPROVE=1 a difference is written to NAME
/// instead, and the run still fails, so an approval is always a reviewed second run.
public static class Approved
{
    public static void ShouldMatch(string actual, string name, [CallerFilePath] string caller = "") =>
        ShouldMatchFile(actual, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "Approved", name)));

    /// The same against an approved file anywhere (a rule's testdata/rules/ID/fires.approved.txt).
    public static void ShouldMatchFile(string actual, string approvedPath)
    {
        var name = Path.GetFileName(approvedPath);
        var dir = Path.GetDirectoryName(approvedPath)!;
        var receivedPath = approvedPath + ".received";
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(dir);
        if (Environment.GetEnvironmentVariable("METALINT_APPROVE") == "1")
        {
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            throw new Xunit.Sdk.XunitException($"snapshot {name} was rewritten (METALINT_APPROVE=1); review the diff and rerun without it");
        }
        File.WriteAllText(receivedPath, actual);
        approved.ShouldBe(actual,
            $"snapshot {name} differs; review {receivedPath} and rerun with METALINT_APPROVE=1 to accept it");
    }
}
