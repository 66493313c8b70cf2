using System.Text;

namespace MetaLint.Core.Tests.Hostile;

/// Writes a valid profile of a given size, shaped like the largest real ones (mostly fieldPermissions), with
/// grants planted at known lines; returns the findings they must produce.
internal static class LargeProfile
{
    public static List<Expected> Write(string path, long targetBytes)
    {
        var expected = new List<Expected>();
        var line = 0;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        void L(string text) { w.WriteLine(text); line++; }

        L("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        L("<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">");
        for (var i = 0; i < 2000; i++)
        {
            L("    <classAccesses>"); L($"        <apexClass>Class_{i:D5}</apexClass>"); L("        <enabled>true</enabled>"); L("    </classAccesses>");
        }
        // Each fieldPermissions block is about 160 bytes; every 50,000th is followed by a planted object grant.
        for (var i = 0; w.BaseStream.Position < targetBytes; i++)
        {
            L("    <fieldPermissions>");
            L("        <editable>false</editable>");
            L($"        <field>Object_{i / 100:D5}__c.Field_{i % 100:D3}__c</field>");
            L("        <readable>true</readable>");
            L("    </fieldPermissions>");
            if (i % 50_000 == 49_999)
            {
                L("    <objectPermissions>");
                L("        <allowRead>true</allowRead>");
                L("        <modifyAllRecords>true</modifyAllRecords>");
                expected.Add(new Expected("ML1003", line, 9));
                L($"        <object>Planted_{i:D7}__c</object>");
                L("        <viewAllRecords>false</viewAllRecords>");
                L("    </objectPermissions>");
            }
            if ((i & 1023) == 0) w.Flush();
        }
        for (var i = 0; i < 500; i++)
        {
            L("    <layoutAssignments>"); L($"        <layout>Object_{i:D5}__c-Layout</layout>"); L("    </layoutAssignments>");
        }
        L("    <userLicense>Salesforce</userLicense>");
        L("    <userPermissions>"); L("        <enabled>true</enabled>");
        L("        <name>ViewAllData</name>");
        expected.Add(new Expected("ML1002", line, 9));
        L("    </userPermissions>");
        L("</Profile>");
        return expected.OrderBy(e => e.Line).ThenBy(e => e.RuleId, StringComparer.Ordinal).ToList();
    }
}
