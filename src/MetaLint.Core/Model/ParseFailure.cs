namespace MetaLint.Core.Model;

/// A file that could not be read as the metadata its suffix promises; rule ML0001 reports it.
internal sealed record ParseFailure(SourceLocation Location, string Message);
