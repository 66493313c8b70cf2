using System.Text;

namespace MetaLint.Benchmarks;

/// A profile shaped like /work/shared/tools/gen_org.py's (and like the largest real ones): class accesses,
/// objects x fields fieldPermissions, layout assignments, one objectPermissions per object, user permissions.
public static class SyntheticProfile
{
    public static string Generate(int objects, int fields)
    {
        var random = new Random(42);
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n");
        for (var i = 0; i < 30; i++)
            sb.Append($"    <classAccesses>\n        <apexClass>Class_{i:D4}</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>\n");
        sb.Append("    <custom>true</custom>\n");
        for (var o = 0; o < objects; o++)
            for (var f = 0; f < fields; f++)
                sb.Append($"    <fieldPermissions>\n        <editable>{B(random.Next(2) == 0)}</editable>\n        <field>Custom_Object_{o:D3}__c.Field_{f:D3}__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n");
        for (var o = 0; o < Math.Min(objects, 10); o++)
            sb.Append($"    <layoutAssignments>\n        <layout>Custom_Object_{o:D3}__c-Layout</layout>\n    </layoutAssignments>\n");
        for (var o = 0; o < objects; o++)
        {
            var modifyAll = random.Next(50) == 0;
            sb.Append($"    <objectPermissions>\n        <allowCreate>true</allowCreate>\n        <allowDelete>{B(modifyAll)}</allowDelete>\n        <allowEdit>true</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>{B(modifyAll)}</modifyAllRecords>\n        <object>Custom_Object_{o:D3}__c</object>\n        <viewAllRecords>{B(modifyAll || random.Next(30) == 0)}</viewAllRecords>\n    </objectPermissions>\n");
        }
        for (var t = 0; t < Math.Min(objects, 30); t++)
            sb.Append($"    <tabVisibilities>\n        <tab>Custom_Object_{t:D3}__c</tab>\n        <visibility>DefaultOn</visibility>\n    </tabVisibilities>\n");
        sb.Append("    <userLicense>Salesforce</userLicense>\n");
        foreach (var p in new[] { "ApiEnabled", "AuthorApex", "ModifyAllData", "RunReports", "ViewAllData", "ViewSetup" })
            sb.Append($"    <userPermissions>\n        <enabled>true</enabled>\n        <name>{p}</name>\n    </userPermissions>\n");
        sb.Append("</Profile>\n");
        return sb.ToString();
    }

    private static string B(bool value) => value ? "true" : "false";
}
