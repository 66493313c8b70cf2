using MetaLint.Core.Model;

namespace MetaLint.Core.Rules;

/// An object permission granted on one object (Modify All on Account).
internal sealed record ObjectAccessFact(string Object, ObjectAccess Access) : FindingFact;
