namespace MetaLint.Core.Rules;

/// A user permission granted, by API name ("ModifyAllData").
public sealed record PermissionFact(string Permission) : FindingFact;
