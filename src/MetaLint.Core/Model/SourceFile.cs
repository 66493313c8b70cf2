namespace MetaLint.Core.Model;

/// A metadata file found by discovery.
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="RelativePath">Path relative to the analysed root with forward slashes, file names raw (not decoded).</param>
/// <param name="Kind">Metadata type, from the suffix.</param>
/// <param name="ComponentName">Percent-decoded component name (for a decomposed child: the set's name).</param>
/// <param name="DecomposedSet">For a file that belongs to a decomposed permission set: the set folder's relative path.</param>
internal sealed record SourceFile(
    string FullPath, string RelativePath, MetadataKind Kind, string ComponentName, string? DecomposedSet = null)
{
    public override string ToString() => RelativePath;
}
