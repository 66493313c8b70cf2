namespace MetaLint.Core.Rules.Permissions;

/// One permission of ML1006's default list: API name, Setup label and what a holder can do with it.
internal sealed record HighRiskPermission(string Name, string SetupLabel, string Risk);
