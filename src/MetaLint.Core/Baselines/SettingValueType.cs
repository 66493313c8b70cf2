namespace MetaLint.Core.Baselines;

/// How a setting's values are written and compared.
public enum SettingValueType { Boolean, Number, Enum }
