using MetaLint.Core.Model;

namespace MetaLint.Core.Rules.Parsing;

/// Reports a metadata file that cannot be read as XML of its kind.
internal sealed class ML0001ParseFailure : Rule<ParseFailure>
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "ML0001", Name: "MetadataFileUnparsable", Title: "Metadata file cannot be parsed",
        Description: "A file with a metadata suffix is malformed XML, has the wrong root element, contains a DTD, " +
                     "is empty or is not readable text, so none of its content could be checked.",
        DefaultLevel: RuleLevel.Error, SecuritySeverity: null, Category: RuleCategory.Parsing);

    public override void Check(ParseFailure failure, RuleContext ctx) =>
        ctx.Report(failure.Location, failure.Location.File.Kind, failure.Location.File.ComponentName,
            subject: "parse", $"{failure.Location.File.Kind.Label()} '{failure.Location.File.ComponentName}' cannot be parsed: {failure.Message}");
}
