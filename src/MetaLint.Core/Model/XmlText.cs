namespace MetaLint.Core.Model;

/// Text rules for metadata values.
internal static class XmlText
{
    /// Trims XML whitespace only: NBSP is text, not whitespace, so .NET's Trim() would be wrong here.
    public static string TrimXml(this string value) => value.Trim(' ', '\t', '\r', '\n');
}
