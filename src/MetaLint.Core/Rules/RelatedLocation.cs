using MetaLint.Core.Model;

namespace MetaLint.Core.Rules;

/// Another place a finding is about (an object grant that a Modify All Data finding covers): SARIF
/// relatedLocations.
internal sealed record RelatedLocation(SourceLocation Location, string Message)
{
    /// Related locations a SARIF result carries at most (GitHub code scanning's limit per result); the finding's
    /// message still counts them all.
    public const int SarifLimit = 1000;
}
