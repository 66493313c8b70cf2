namespace MetaLint.Core.Model;

/// A symbolic link (file or folder) in the analysed tree whose target resolves outside the analysed root, so its
/// content was not analysed; rule ML0002 reports it. Target is the link's text as written.
internal sealed record EscapingSymlink(SourceLocation Location, string Target);
