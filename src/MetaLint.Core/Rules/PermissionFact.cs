namespace MetaLint.Core.Rules;

/// A user permission granted, by API name ("ModifyAllData").
internal sealed record PermissionFact(string Permission) : FindingFact;
