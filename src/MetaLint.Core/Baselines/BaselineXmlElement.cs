namespace MetaLint.Core.Baselines;

/// The XML setting element types.
public enum BaselineXmlElement { Boolean, NumericRange, Enum }
