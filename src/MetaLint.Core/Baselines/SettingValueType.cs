namespace MetaLint.Core.Baselines;

/// How a setting's values are written and compared.
internal enum SettingValueType { Boolean, Number, Enum }
