using System.Runtime.CompilerServices;

namespace MetaLint.Core.Tests.Support;

/// A small approved-file snapshot helper: compares text with tests/.../Approved/NAME; on a difference writes
/// NAME.received beside it and fails. Set METALINT_APPROVE=1 to accept the received text.
public static class Approved
{
    public static void ShouldMatch(string actual, string name, [CallerFilePath] string caller = "")
    {
        var dir = Path.Combine(Path.GetDirectoryName(caller)!, "..", "Approved");
        var approvedPath = Path.GetFullPath(Path.Combine(dir, name));
        var receivedPath = approvedPath + ".received";
        if (Environment.GetEnvironmentVariable("METALINT_APPROVE") == "1")
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(approvedPath, actual);
        }
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(dir);
        File.WriteAllText(receivedPath, actual);
        approved.ShouldBe(actual,
            $"snapshot {name} differs; review {receivedPath} and rerun with METALINT_APPROVE=1 to accept it");
    }
}
