using MetaLint.Core.Tests.Support;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Reporting;

/// Fingerprints identify what a finding is about, not where it is.
public sealed class FingerprintTests : IDisposable
{
    private readonly TempFolder _root = new("metalint-fp-");

    public void Dispose() => _root.Dispose();

    private const string Grant = "    <userPermissions>\n        <enabled>true</enabled>\n        <name>{0}</name>\n    </userPermissions>\n";

    private Dictionary<string, string> Fingerprints(string profileBody, params (string Name, string Body)[] extra)
    {
        foreach (var f in Directory.GetFiles(_root.Root)) File.Delete(f);
        File.WriteAllText(Path.Combine(_root.Root, "Admin.profile-meta.xml"), Wrap(profileBody));
        foreach (var (name, body) in extra) File.WriteAllText(Path.Combine(_root.Root, name), Wrap(body));
        return Run.Folder(_root.Root).Findings.ToDictionary(f => $"{f.Path} {f.RuleId} {f.Subject}", f => f.Fingerprint);
    }

    private static string Wrap(string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" + body + "</Profile>\n";

    [Fact]
    public void Moving_lines_keeps_fingerprints_and_different_subjects_differ()
    {
        var before = Fingerprints(string.Format(Grant, "ModifyAllData") + string.Format(Grant, "ViewAllData"));
        var after = Fingerprints("    <description>moved everything down</description>\n\n\n" +
                                 string.Format(Grant, "ViewAllData") + string.Format(Grant, "ModifyAllData"));
        after.OrderBy(kv => kv.Key).ShouldBe(before.OrderBy(kv => kv.Key));
        before.Values.ShouldBeUnique();
    }

    [Fact]
    public void Dual_copies_of_one_component_get_distinct_fingerprints()
    {
        var fps = Fingerprints(string.Format(Grant, "ModifyAllData"), ("Admin.profile", string.Format(Grant, "ModifyAllData")));
        fps.Count.ShouldBe(2);
        fps.Values.ShouldBeUnique();
    }

    [Fact]
    public void Fingerprint_is_the_v1_hash_of_rule_component_subject_and_occurrence()
    {
        File.WriteAllText(Path.Combine(_root.Root, "Admin.profile-meta.xml"), Wrap(string.Format(Grant, "ModifyAllData")));
        var finding = Run.Folder(_root.Root).Findings.Single(f => f.RuleId == "ML1001");
        finding.FingerprintKey.ShouldBe("ML1001|Profile|Admin|ModifyAllData|1");
        var sha = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(finding.FingerprintKey));
        finding.Fingerprint.ShouldBe(Convert.ToHexStringLower(sha)[..32]);
    }

    [Fact]
    public void Computing_a_fingerprint_does_not_change_record_equality()
    {
        File.WriteAllText(Path.Combine(_root.Root, "Admin.profile-meta.xml"), Wrap(string.Format(Grant, "ModifyAllData")));
        var finding = Run.Folder(_root.Root).Findings.Single(f => f.RuleId == "ML1001");
        var other = Run.Folder(_root.Root).Findings.Single(f => f.RuleId == "ML1001");
        _ = finding.Fingerprint;   // computed and cached on one run's finding only
        other.ShouldBe(finding);
        (other with { FingerprintKey = "other" }).ShouldNotBe(finding);
    }
}
