using MetaLint.Core.Model;

namespace MetaLint.Core.Rules;

/// An object permission granted on one object (Modify All on Account).
public sealed record ObjectAccessFact(string Object, ObjectAccess Access) : FindingFact;
