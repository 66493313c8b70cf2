namespace MetaLint.Core.Baselines;

/// An enum literal with its value in the setting's natural unit (minutes, days, attempts) or its rank.
internal sealed record EnumLiteral(string Name, double Value);
