using System.Text;
using CsCheck;
using MetaLint.Core.Model;

namespace MetaLint.Core.Tests.Properties;

/// A boolean element's text and what it means; "1" and padded "true" grant, "yes" does not.
internal sealed record BoolText(string Text, bool Grants);

/// One generated user permission.
internal sealed record PlantedPermission(string Name, BoolText Enabled);

/// One generated object permission; absent flags are null.
internal sealed record PlantedObject(string Object, (string Element, BoolText Value)[] Flags);

/// One generated profile login IP range.
internal sealed record PlantedRange(uint Start, uint End)
{
    public static string Ip(uint a) => $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}";
}

/// A generated profile, permission set or muting permission set, plus what MetaLint must find in it.
internal sealed record PlantedComponent(
    MetadataKind Kind, string Name, string? License, bool Guest,
    PlantedPermission[] Permissions, PlantedObject[] Objects, PlantedRange[] Ranges, int Filler)
{
    private static readonly string[] PermissionPool =
    [
        "ModifyAllData", "ViewAllData", "ViewAllFieldsGlobal", "AuthorApex", "ManageUsers", "BypassMFAForUiLogins",
        "PasswordNeverExpires", "SkipIdentityConfirmation", "ApiEnabled", "ViewAllUsers", "RunReports", "ViewSetup", "EditTask",
    ];

    private static readonly string[] ObjectPool = ["Account", "Contact", "Case", "Lead", "Invoice__c", "ns__Thing__c"];

    private static readonly string[] FlagPool =
        ["allowCreate", "allowRead", "allowEdit", "allowDelete", "modifyAllRecords", "viewAllRecords", "viewAllFields"];

    // From the contract, restricted to the pool above.
    private static readonly HashSet<string> HighRisk = ["AuthorApex", "ManageUsers"];

    private static readonly Gen<BoolText> GenBool = Gen.OneOf(
        new BoolText("true", true), new BoolText("false", false), new BoolText("1", true), new BoolText("0", false),
        new BoolText("\n    true\n  ", true), new BoolText("yes", false));

    private static readonly Gen<PlantedPermission[]> GenPermissions =
        Gen.Select(Gen.Bool.Array[PermissionPool.Length], GenBool.Array[PermissionPool.Length], (take, enabled) =>
            PermissionPool.Select((n, i) => (n, i)).Where(x => take[x.i]).Select(x => new PlantedPermission(x.n, enabled[x.i])).ToArray());

    private static readonly Gen<(string, BoolText)[]> GenFlags =
        Gen.Select(Gen.Bool.Array[FlagPool.Length], GenBool.Array[FlagPool.Length], (take, value) =>
            FlagPool.Select((f, i) => (f, i)).Where(x => take[x.i]).Select(x => (x.f, value[x.i])).ToArray());

    private static readonly Gen<PlantedObject[]> GenObjects =
        Gen.Select(Gen.Bool.Array[ObjectPool.Length], GenFlags.Array[ObjectPool.Length], (take, flags) =>
            ObjectPool.Select((o, i) => (o, i)).Where(x => take[x.i]).Select(x => new PlantedObject(x.o, flags[x.i])).ToArray());

    private static readonly Gen<PlantedRange> GenRange =
        Gen.Select(Gen.UInt, Gen.Int[0, 3], Gen.UInt, (start, shape, span) => shape switch
        {
            0 => new PlantedRange(start & 0xFF000000, (start & 0xFF000000) + 0xFFFFFF),      // exactly a /8: not too wide
            1 => new PlantedRange(start & 0xFE000000, (start & 0xFE000000) + 0x1FFFFFF),     // a /7: too wide
            2 => new PlantedRange(start, start + Math.Min(span & 0xFFFF, uint.MaxValue - start)),
            _ => new PlantedRange(Math.Min(start, span), Math.Max(start, span)),
        });

    public static readonly Gen<PlantedComponent> Generator =
        Gen.Select(
            Gen.OneOf(MetadataKind.Profile, MetadataKind.PermissionSet, MetadataKind.MutingPermissionSet),
            Gen.Int[0, 999], Gen.OneOf<string?>(null, "Salesforce", "Identity", ""),
            Gen.Int[0, 3], GenPermissions, GenObjects, GenRange.Array[0, 3], Gen.Int[0, 6],
            (kind, n, license, guest, perms, objects, ranges, filler) => new PlantedComponent(
                kind, $"Planted_{n:D3}", kind == MetadataKind.Profile ? null : license,
                kind == MetadataKind.Profile && guest == 0, perms, objects,
                kind == MetadataKind.Profile ? ranges : [], filler));

    public string Root => Kind.ToString();

    /// The findings the contract promises, as (rule, subject): the oracle, written from the rule table, not the code.
    public List<(string Rule, string Subject)> Expected()
    {
        var result = new List<(string, string)>();
        var grants = Kind is MetadataKind.Profile or MetadataKind.PermissionSet;
        if (grants)
        {
            foreach (var p in Permissions.Where(p => p.Enabled.Grants))
            {
                if (p.Name == "ModifyAllData") result.Add(("ML1001", p.Name));
                if (p.Name == "ViewAllData") result.Add(("ML1002", p.Name));
                if (p.Name == "ViewAllFieldsGlobal") result.Add(("ML1005", p.Name));
                if (HighRisk.Contains(p.Name)) result.Add(("ML1006", p.Name));
                if (p.Name is "BypassMFAForUiLogins" or "PasswordNeverExpires" or "SkipIdentityConfirmation") result.Add(("ML1007", p.Name));
                if (Guest && p.Name is "ApiEnabled" or "ViewAllUsers") result.Add(("ML1008", p.Name));
            }
            // Per-object grants that ModifyAllData (all three) or ViewAllData (View All, View All Fields) covers fold
            // into that finding; View All on a guest profile is ML1008's alone.
            bool Granted(string name) => Permissions.Any(p => p.Enabled.Grants && p.Name == name);
            var modifyAllData = Granted("ModifyAllData");
            var viewAllData = Granted("ViewAllData");
            foreach (var o in Objects)
                foreach (var (element, value) in o.Flags.Where(f => f.Value.Grants))
                {
                    if (element == "modifyAllRecords" && !modifyAllData) result.Add(("ML1003", o.Object));
                    if (element == "viewAllRecords" && !modifyAllData && !viewAllData && !Guest) result.Add(("ML1004", o.Object));
                    if (element == "viewAllFields" && !modifyAllData && !viewAllData) result.Add(("ML1005", o.Object));
                    if (Guest && element is "allowEdit" or "allowDelete" or "viewAllRecords" or "modifyAllRecords")
                        result.Add(("ML1008", $"{o.Object}.{element}"));
                }
        }
        foreach (var r in Ranges.Where(r => (ulong)r.End - r.Start + 1 > 1UL << 24))
            result.Add(("ML1009", $"{PlantedRange.Ip(r.Start)}-{PlantedRange.Ip(r.End)}"));
        if (Kind == MetadataKind.PermissionSet && License is { Length: > 0 }) result.Add(("ML2001", License));
        return result.Order().ToList();
    }

    /// Top-level elements of the single-file form, each as a list of lines, in canonical order.
    public List<List<string>> Blocks()
    {
        var blocks = new List<List<string>>();
        if (Kind != MetadataKind.Profile) blocks.Add([$"<label>{Name}</label>"]);
        if (License != null) blocks.Add([$"<license>{License}</license>"]);
        for (var i = 0; i < Filler; i++)
        {
            blocks.Add(["<fieldPermissions>", "<editable>true</editable>", $"<field>Account.F{i}__c</field>", "<readable>true</readable>", "</fieldPermissions>"]);
            blocks.Add(["<classAccesses>", $"<apexClass>C{i}</apexClass>", "<enabled>true</enabled>", "</classAccesses>"]);
        }
        blocks.AddRange(Objects.Select(ObjectBlock));
        blocks.AddRange(Permissions.Select(PermissionBlock));
        foreach (var r in Ranges)
            blocks.Add(["<loginIpRanges>", $"<endAddress>{PlantedRange.Ip(r.End)}</endAddress>", $"<startAddress>{PlantedRange.Ip(r.Start)}</startAddress>", "</loginIpRanges>"]);
        if (Kind == MetadataKind.Profile) blocks.Add([$"<userLicense>{(Guest ? "Guest User License" : "Salesforce")}</userLicense>"]);
        return blocks;
    }

    public static List<string> ObjectBlock(PlantedObject o) =>
        ["<objectPermissions>", .. o.Flags.Select(f => $"<{f.Element}>{f.Value.Text}</{f.Element}>"), $"<object>{o.Object}</object>", "</objectPermissions>"];

    public static List<string> PermissionBlock(PlantedPermission p) =>
        ["<userPermissions>", $"<enabled>{p.Enabled.Text}</enabled>", $"<name>{p.Name}</name>", "</userPermissions>"];
}

/// How a document is written out; none of it may change what MetaLint finds.
internal sealed record Layout(int ShuffleSeed, bool Shuffle, bool Comments, string Indent, string NewLine)
{
    public static readonly Layout Canonical = new(0, false, false, "    ", "\n");

    public static readonly Gen<Layout> Generator = Gen.Select(
        Gen.Int, Gen.Bool, Gen.Bool,
        Gen.OneOf("    ", "\t", "\u00a0 ", "", " "), Gen.OneOf("\n", "\r\n", "", "\n\n"),
        (seed, shuffle, comments, indent, newLine) => new Layout(seed, shuffle, comments, indent, newLine));

    /// Writes a document with the given root and blocks; shuffles blocks and the children inside each block.
    public string Write(string root, List<List<string>> blocks, bool withNamespace = true)
    {
        var random = new Random(ShuffleSeed);
        var ordered = blocks.Select(b => b.ToList()).ToList();
        if (Shuffle)
        {
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ordered));
            foreach (var b in ordered.Where(b => b.Count > 3))
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(b).Slice(1, b.Count - 2));
        }
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").Append(NewLine);
        sb.Append('<').Append(root).Append(withNamespace ? " xmlns=\"http://soap.sforce.com/2006/04/metadata\">" : ">").Append(NewLine);
        foreach (var block in ordered)
        {
            if (Comments) sb.Append(Indent).Append("<!-- metalint property test: ModifyAllData <name>ViewAllData</name> -->").Append(NewLine);
            for (var i = 0; i < block.Count; i++)
            {
                var nested = block.Count > 1 && i > 0 && i < block.Count - 1;
                sb.Append(Indent).Append(nested ? Indent : "").Append(block[i]).Append(NewLine);
            }
        }
        sb.Append("</").Append(root).Append('>').Append(NewLine);
        return sb.ToString();
    }
}
