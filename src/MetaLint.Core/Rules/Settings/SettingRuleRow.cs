namespace MetaLint.Core.Rules.Settings;

/// One row of the ML3xxx table: the rule id of one Health Check baseline setting.
internal sealed record SettingRuleRow(string Id, string Key, string Name, string Title, string Description);
