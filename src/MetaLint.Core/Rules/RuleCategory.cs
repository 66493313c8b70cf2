namespace MetaLint.Core.Rules;

/// Rule families; each owns an id range (rules/README.md).
internal enum RuleCategory { Parsing, Permissions, Packaging, Settings, Suppressions }
