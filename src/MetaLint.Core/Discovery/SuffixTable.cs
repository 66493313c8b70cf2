using MetaLint.Core.Model;

namespace MetaLint.Core.Discovery;

/// Recognises metadata files by suffix, in Metadata API ("X.profile") and source ("X.profile-meta.xml") format.
internal static class SuffixTable
{
    public const string SourceSuffix = "-meta.xml";

    private static readonly (string Suffix, MetadataKind Kind)[] Kinds =
    [
        (".profile", MetadataKind.Profile),
        (".permissionset", MetadataKind.PermissionSet),
        (".permissionsetgroup", MetadataKind.PermissionSetGroup),
        (".mutingpermissionset", MetadataKind.MutingPermissionSet),
        (".profilePasswordPolicy", MetadataKind.ProfilePasswordPolicy),
        (".profileSessionSetting", MetadataKind.ProfileSessionSetting),
        (".settings", MetadataKind.SecuritySettings),
    ];

    /// Every suffix MetaLint reads (Metadata API form; the source form adds SourceSuffix), for the hook patterns' test.
    public static IReadOnlyList<(string Suffix, MetadataKind Kind)> Suffixes => Kinds;

    /// The kind and raw (still percent-encoded) component name of a file name, or null when not metadata MetaLint reads.
    public static (MetadataKind Kind, string RawName)? Recognise(string fileName)
    {
        var stem = fileName.EndsWith(SourceSuffix, StringComparison.OrdinalIgnoreCase)
            ? fileName[..^SourceSuffix.Length]
            : fileName;
        foreach (var (suffix, kind) in Kinds)
        {
            if (!stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || stem.Length == suffix.Length)
                continue;
            var raw = stem[..^suffix.Length];
            // Only Security.settings among the settings files carries what MetaLint checks.
            if (kind == MetadataKind.SecuritySettings && !raw.Equals("Security", StringComparison.OrdinalIgnoreCase))
                return null;
            return (kind, raw);
        }
        return null;
    }

    /// Percent-decodes a raw file-name stem as UTF-8 ("Ops%2FSupport Admin" -> "Ops/Support Admin").
    public static string DecodeName(string raw)
    {
        if (!raw.Contains('%')) return raw;
        try { return Uri.UnescapeDataString(raw); }
        catch (UriFormatException) { return raw; }
    }
}
