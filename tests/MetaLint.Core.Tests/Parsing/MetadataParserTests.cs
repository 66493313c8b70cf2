using System.Text;
using MetaLint.Core.Model;
using MetaLint.Core.Parsing;
using MetaLint.Tests.Support;

namespace MetaLint.Core.Tests.Parsing;

public sealed class MetadataParserTests : IDisposable
{
    private readonly TempFolder _dir = new("metalint-parser-");

    public void Dispose() => _dir.Dispose();

    private ParsedFile Parse(string text, MetadataKind kind = MetadataKind.Profile, byte[]? prefix = null, string name = "P.profile-meta.xml")
    {
        var path = Path.Combine(_dir.Root, name);
        File.WriteAllBytes(path, [.. prefix ?? [], .. Encoding.UTF8.GetBytes(text)]);
        return MetadataParser.Parse(new SourceFile(path, name, kind, "P"));
    }

    private const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    [Fact]
    public void Spans_cover_the_element_from_its_start_tag_to_after_its_end_tag()
    {
        var parsed = Parse(Head + "<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
                           "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</Profile>\n");
        parsed.Failure.ShouldBeNull();
        var p = parsed.Content!.UserPermissions.ShouldHaveSingleItem();
        p.Name.ShouldBe("ModifyAllData");
        p.Enabled.ShouldBeTrue();
        p.NameLocation.Span.ShouldBe(new SourceSpan(5, 9, 5, 35));
    }

    [Fact]
    public void Nbsp_indentation_counts_utf16_units_and_is_not_trimmed_as_xml_whitespace()
    {
        var nbsp = string.Concat(Enumerable.Repeat("\u00a0 ", 4));
        var parsed = Parse(Head + "<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
                           $"{nbsp}<userPermissions>\n{nbsp}<enabled>true</enabled>\n{nbsp}<name>ViewAllData</name>\n    </userPermissions>\n</Profile>\n");
        parsed.Failure.ShouldBeNull();
        parsed.Content!.UserPermissions.ShouldHaveSingleItem().NameLocation.Span.StartColumn.ShouldBe(9);
    }

    [Fact]
    public void Bom_crlf_and_namespace_less_root_are_accepted()
    {
        var parsed = Parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<PermissionSet>\r\n<userPermissions><enabled> 1 </enabled><name>ViewAllData</name></userPermissions>\r\n</PermissionSet>",
            MetadataKind.PermissionSet, prefix: [0xEF, 0xBB, 0xBF], name: "S.permissionset");
        parsed.Failure.ShouldBeNull();
        var p = parsed.Content!.UserPermissions.ShouldHaveSingleItem();
        p.Enabled.ShouldBeTrue();
        p.NameLocation.Span.StartLine.ShouldBe(3);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(" TRUE\n", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("yes", false)]
    [InlineData("\u00a0true", false)]
    public void Only_true_or_1_grants(string value, bool grants) => MetadataParser.IsTrue(value).ShouldBe(grants);

    [Fact]
    public void Xsi_nil_and_unknown_elements_are_ignored()
    {
        var parsed = Parse(Head + "<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n" +
                           "<futureThing><deep>1</deep></futureThing>\n<userLicense xsi:nil=\"true\"/>\n<loginHours/>\n" +
                           "<objectPermissions><allowRead>true</allowRead><modifyAllRecords>true</modifyAllRecords><object>Account</object></objectPermissions>\n</Profile>");
        parsed.Failure.ShouldBeNull();
        parsed.Content!.UserLicense.ShouldBeNull();
        var o = parsed.Content.ObjectPermissions.ShouldHaveSingleItem();
        o.Object.ShouldBe("Account");
        o.ModifyAllRecords!.Value.Value.ShouldBeTrue();
        o.ViewAllRecords.ShouldBeNull();
    }

    [Theory]
    [InlineData("<Profile><userPermissions><name>X</name></userpermissions></Profile>", "userpermissions")]
    [InlineData("<Profile><userPermissions>", "unexpected end")]
    [InlineData("<!DOCTYPE Profile [<!ENTITY a \"aaaa\">]><Profile>&a;</Profile>", "DTD")]
    [InlineData("<CustomObject/>", "expected root element <Profile>")]
    public void Malformed_files_fail_with_a_position_and_a_reason(string body, string reason)
    {
        var parsed = Parse(Head + body);
        parsed.Content.ShouldBeNull();
        parsed.Failure.ShouldNotBeNull();
        parsed.Failure.Message.ShouldContain(reason, Case.Insensitive);
        parsed.Failure.Location.Span.StartLine.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var secret = Path.Combine(_dir.Root, "secret.txt");
        File.WriteAllText(secret, "TOPSECRET");
        var parsed = Parse(Head + $"<!DOCTYPE Profile [<!ENTITY x SYSTEM \"file://{secret}\">]>\n<Profile><userLicense>&x;</userLicense></Profile>");
        parsed.Content.ShouldBeNull();
        parsed.Failure!.Message.ShouldNotContain("TOPSECRET");
        parsed.Failure.Location.Span.StartLine.ShouldBe(2);
    }

    [Fact]
    public void Empty_file_fails_at_line_1()
    {
        var parsed = Parse("");
        parsed.Failure!.Message.ShouldContain("empty");
        parsed.Failure.Location.Span.ShouldBe(new SourceSpan(1, 1, 1, 1));
    }

    [Fact]
    public void Percent_encoded_file_names_are_opened_as_written()
    {
        var parsed = Parse(Head + "<Profile/>", name: "Ops%2FSupport Admin.profile-meta.xml");
        parsed.Failure.ShouldBeNull();
    }

    [Fact]
    public void Permission_set_license_prefers_license_over_legacy_user_license()
    {
        var parsed = Parse(Head + "<PermissionSet><license>Salesforce</license><userLicense>Old</userLicense></PermissionSet>",
            MetadataKind.PermissionSet, name: "S.permissionset");
        parsed.Content!.License!.Value.ShouldBe("Salesforce");
        parsed.Content.UserLicense.ShouldBeNull();
    }
}
